package io.qapi.runtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.runtime.api.Json;
import io.qapi.runtime.api.QmpError;

/**
 * The messages of QMP, built with members added in the order QEMU shows them, so that both
 * {@link JsonWriter} orders write them as QEMU does:
 * <pre>
 * {"return": {...}, "id": ...}
 * {"id": ..., "error": {"class": ..., "desc": ...}}
 * {"timestamp": {"seconds": ..., "microseconds": ...}, "event": ..., "data": {...}}
 * {"execute": ..., "arguments": {...}, "id": ...}
 * </pre>
 */
public final class QmpMessages {
    private QmpMessages() {}

    /** A success reply; {@code id} is left out when null (a JSON null id is a NullNode). */
    public static ObjectNode success(JsonNode value, JsonNode id) {
        ObjectNode reply = Json.object();
        reply.set("return", value);
        if (id != null) {
            reply.set("id", id);
        }
        return reply;
    }

    public static ObjectNode error(String errorClass, String desc, JsonNode id) {
        ObjectNode error = Json.object();
        error.put("class", errorClass);
        error.put("desc", desc);
        ObjectNode reply = Json.object();
        if (id != null) {
            reply.set("id", id);
        }
        reply.set("error", error);
        return reply;
    }

    public static ObjectNode error(QmpError error, JsonNode id) {
        return error(error.errorClass(), error.desc(), id);
    }

    /** An event; {@code data} is left out when null, as for events without data. */
    public static ObjectNode event(String name, JsonNode data, Timestamp timestamp) {
        ObjectNode event = Json.object();
        event.set("timestamp", timestamp.toJson());
        event.put("event", name);
        if (data != null) {
            event.set("data", data);
        }
        return event;
    }

    /** A command for a server: {@code execute}, or {@code exec-oob} when out of band. */
    public static ObjectNode command(String name, JsonNode arguments, JsonNode id, boolean outOfBand) {
        ObjectNode command = Json.object();
        command.put(outOfBand ? "exec-oob" : "execute", name);
        if (arguments != null) {
            command.set("arguments", arguments);
        }
        if (id != null) {
            command.set("id", id);
        }
        return command;
    }
}
