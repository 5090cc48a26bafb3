package io.qapi.runtime.client;

/**
 * A call was refused at once because the connection's write queue is full: the peer has not
 * been reading, and the commands already waiting hold {@link ClientOptions#writeQueueLimit()}
 * bytes. The command was not sent. The connection stays open; what waits is sent when the peer
 * reads again.
 */
public class QmpQueueFullException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QmpQueueFullException(String message) {
        super(message);
    }
}
