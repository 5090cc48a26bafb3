package io.qapi.runtime.api;

/**
 * An error as QMP reports it: a class ({@code GenericError}, {@code CommandNotFound},
 * {@code DeviceNotFound}, …) and a human-readable description. Servers throw it from command
 * handlers; clients receive it for error replies.
 */
public class QmpError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final String GENERIC_ERROR = "GenericError";
    public static final String COMMAND_NOT_FOUND = "CommandNotFound";
    public static final String DEVICE_NOT_FOUND = "DeviceNotFound";

    private final String errorClass;

    public QmpError(String errorClass, String desc) {
        super(desc);
        this.errorClass = errorClass;
    }

    /** A {@code GenericError}. */
    public static QmpError generic(String desc) {
        return new QmpError(GENERIC_ERROR, desc);
    }

    public String errorClass() {
        return errorClass;
    }

    public String desc() {
        return getMessage();
    }

    // QMP's own form, "GenericError: text", rather than this Java class's name: the message
    // stays the reply's desc, as callers compare it with QEMU's
    @SuppressWarnings("OverrideThrowableToString")
    @Override
    public String toString() {
        return errorClass + ": " + getMessage();
    }
}
