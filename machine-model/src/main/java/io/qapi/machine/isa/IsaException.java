package io.qapi.machine.isa;

/** QEMU's refusal of an ISA device, in QEMU's words. */
public final class IsaException extends Exception {
    private static final long serialVersionUID = 1L;

    public IsaException(String message) {
        super(message);
    }
}
