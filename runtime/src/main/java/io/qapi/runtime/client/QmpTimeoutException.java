package io.qapi.runtime.client;

/**
 * A call's timeout passed before its reply came; the timeout covers the time its command
 * waited to be written as well. The message says how far the command got: one that had not
 * begun to leave was withdrawn and will not run; one that had (in part or whole) may still run
 * on the server, and its reply, if it comes, is dropped. Either way the connection stays usable.
 */
public class QmpTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QmpTimeoutException(String message) {
        super(message);
    }
}
