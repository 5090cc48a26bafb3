package io.qapi.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Decodes one QAPI value from JSON. Generated types provide decoders for themselves; the
 * builtin types' are in {@link Decoders}.
 *
 * @param <T> the Java type
 */
@FunctionalInterface
public interface Decoder<T> {

    /**
     * Decodes {@code json}, or throws the error QEMU reports for it.
     *
     * @param path the value's name as QEMU words it in messages ({@code model.name},
     *             {@code devices[2]}), empty at the top
     */
    T decode(Input in, JsonNode json, String path);

    /**
     * Whether a decoded value lost something, so that the enclosing object must keep the
     * member's JSON to write it back unchanged: an enum value this code does not know.
     */
    default boolean lossy(T value) {
        return false;
    }
}
