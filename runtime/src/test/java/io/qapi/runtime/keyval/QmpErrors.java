package io.qapi.runtime.keyval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qapi.runtime.api.QmpError;
import org.junit.jupiter.api.function.Executable;

final class QmpErrors {
    private QmpErrors() {}

    /** Asserts that {@code code} fails with a GenericError saying exactly {@code message}. */
    static void assertGeneric(String message, Executable code) {
        QmpError error = assertThrows(QmpError.class, code);
        assertEquals(QmpError.GENERIC_ERROR, error.errorClass());
        assertEquals(message, error.desc());
    }
}
