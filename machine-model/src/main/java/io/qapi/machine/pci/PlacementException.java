package io.qapi.machine.pci;

/** A device cannot be placed or removed; the message is QEMU 7.2's text for the same case. */
public final class PlacementException extends Exception {
    private static final long serialVersionUID = 1L;

    public PlacementException(String message) {
        super(message);
    }
}
