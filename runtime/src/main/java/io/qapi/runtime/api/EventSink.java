package io.qapi.runtime.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Where a server's events go; a QMP server implements it, generated emitters call it. */
@FunctionalInterface
public interface EventSink {

    /**
     * Sends the event {@code name}.
     *
     * @param data the event's data, or {@code null} for an event without data
     */
    void emit(String name, ObjectNode data);
}
