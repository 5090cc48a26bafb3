package io.qapi.machine.topology;

/**
 * A topology rule failed; the message is QEMU 7.2's text, without the program-name prefix QEMU
 * puts before it on standard error (QMP replies carry it as a GenericError desc).
 */
public final class TopologyException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message QEMU's exact text */
    public TopologyException(String message) {
        super(message);
    }
}
