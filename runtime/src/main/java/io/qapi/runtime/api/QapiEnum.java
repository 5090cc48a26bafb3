package io.qapi.runtime.api;

/** Implemented by every generated enum: the value's name on the wire. */
public interface QapiEnum {
    String wireName();

    /** Whether this is the constant that stands for a value this code does not know. */
    default boolean unknown() {
        return false;
    }
}
