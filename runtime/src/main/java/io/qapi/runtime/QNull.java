package io.qapi.runtime;

/** The value of QAPI's builtin type {@code null}: JSON null. */
public enum QNull {
    INSTANCE
}
