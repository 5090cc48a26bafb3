package io.qapi.runtime.client;

/**
 * No reply came in time. The command may still run on the server; its reply, if it comes, is
 * dropped. The connection stays usable.
 */
public class QmpTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QmpTimeoutException(String message) {
        super(message);
    }
}
