package io.qapi.machine.cli;

/**
 * A command line QEMU would refuse. The message is QEMU's, without the program name, which the
 * launcher puts in front (as QEMU does with its own).
 */
public final class CommandLineException extends Exception {
    private static final long serialVersionUID = 1L;

    public CommandLineException(String message) {
        super(message);
    }
}
