package io.qapi.machine.preconfig;

/** A phase rule refused a command; the message is QEMU 7.2's text (a GenericError desc). */
public final class PreconfigException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message QEMU's exact text */
    public PreconfigException(String message) {
        super(message);
    }
}
