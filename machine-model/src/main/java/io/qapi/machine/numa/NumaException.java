package io.qapi.machine.numa;

/** A NUMA rule failed; the message is QEMU 7.2's text (without any program-name prefix). */
public final class NumaException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message QEMU's exact text */
    public NumaException(String message) {
        super(message);
    }
}
