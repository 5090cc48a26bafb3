package io.qapi.runtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.runtime.api.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * What a QMP server says first: {@code {"QMP": {"version": …, "capabilities": […]}}}.
 *
 * @param version      what {@code query-version} returns: {@code {"qemu": {"micro", "minor",
 *                     "major"}, "package": …}}
 * @param capabilities what the client may enable with {@code qmp_capabilities} ({@code oob})
 */
public record Greeting(JsonNode version, List<String> capabilities) {

    public static final String OOB = "oob";

    public Greeting {
        capabilities = List.copyOf(capabilities);
    }

    /** A version object as QEMU builds it, from numbers and a package string. */
    public static ObjectNode version(int major, int minor, int micro, String pkg) {
        ObjectNode qemu = Json.object();
        qemu.put("major", major);
        qemu.put("minor", minor);
        qemu.put("micro", micro);
        ObjectNode version = Json.object();
        version.set("qemu", qemu);
        version.put("package", pkg);
        return version;
    }

    /** Reads a greeting; null when the message is not one. */
    public static Greeting fromJson(JsonNode message) {
        JsonNode qmp = message.get("QMP");
        if (qmp == null || !qmp.isObject()) {
            return null;
        }
        List<String> capabilities = new ArrayList<>();
        qmp.path("capabilities").forEach(c -> capabilities.add(c.asText()));
        return new Greeting(qmp.path("version"), capabilities);
    }

    public ObjectNode toJson() {
        ArrayNode caps = Json.array();
        capabilities.forEach(caps::add);
        ObjectNode qmp = Json.object();
        qmp.set("version", version);
        qmp.set("capabilities", caps);
        ObjectNode message = Json.object();
        message.set("QMP", qmp);
        return message;
    }

    public boolean offers(String capability) {
        return capabilities.contains(capability);
    }

    /** The QEMU version as {@code major.minor.micro}, or "" when the greeting has none. */
    public String qemuVersion() {
        JsonNode qemu = version.path("qemu");
        if (!qemu.isObject()) {
            return "";
        }
        return qemu.path("major").asInt() + "." + qemu.path("minor").asInt() + "."
                + qemu.path("micro").asInt();
    }
}
