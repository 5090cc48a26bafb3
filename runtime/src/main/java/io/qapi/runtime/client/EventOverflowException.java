package io.qapi.runtime.client;

/**
 * Events were dropped because the subscriber did not keep up and its buffer was full. Thrown
 * once, where the gap is; the events after it follow as usual.
 */
public class EventOverflowException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long dropped;

    public EventOverflowException(long dropped) {
        super(dropped + " event(s) dropped: the subscriber's buffer was full");
        this.dropped = dropped;
    }

    public long dropped() {
        return dropped;
    }
}
