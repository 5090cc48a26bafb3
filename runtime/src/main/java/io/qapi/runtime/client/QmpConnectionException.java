package io.qapi.runtime.client;

/**
 * The connection to the QMP peer is gone (or never came up): every call still waiting fails
 * with this, and so does every later call. Open a new client to go on.
 */
public class QmpConnectionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QmpConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
