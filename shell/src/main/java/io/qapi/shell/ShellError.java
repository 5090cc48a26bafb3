package io.qapi.shell;

/**
 * A line the shell refuses before sending anything: it does not parse, or its arguments do not
 * fit the server's schema. The message says what is wrong, in QEMU's words where QEMU has them.
 */
public final class ShellError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ShellError(String message) {
        super(message, null, false, false);
    }
}
