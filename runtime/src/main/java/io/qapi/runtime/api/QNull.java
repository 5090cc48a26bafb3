package io.qapi.runtime.api;

/** The value of QAPI's builtin type {@code null}: JSON null. */
public enum QNull {
    INSTANCE
}
