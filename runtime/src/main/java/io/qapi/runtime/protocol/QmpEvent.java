package io.qapi.runtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An event as it comes over the wire.
 *
 * @param name      the event's name ({@code STOP}, {@code DEVICE_DELETED}, …)
 * @param data      its {@code data}, or {@code null} when it has none
 * @param timestamp when it happened
 */
public record QmpEvent(String name, JsonNode data, Timestamp timestamp) {}
