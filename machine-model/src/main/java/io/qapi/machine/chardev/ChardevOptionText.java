package io.qapi.machine.chardev;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A character device back end ({@code chardev-add}'s form) as the {@code -chardev} option that
 * makes the same device: the inverse of what each back end's parse function reads. The command
 * line's defaults differ from {@code chardev-add}'s (a socket is a client, a server waits), so
 * {@code server} and {@code wait} are always written out.
 */
public final class ChardevOptionText {
    private ChardevOptionText() {}

    /** The {@code -chardev} argument for device {@code id} with back end {@code backend}. */
    public static String option(String id, JsonNode backend) {
        StringBuilder option =
                new StringBuilder(backend.path("type").asText()).append(",id=").append(escape(id));
        entries(backend)
                .forEach((key, value) ->
                        option.append(',').append(key).append('=').append(escape(value)));
        return option.toString();
    }

    /**
     * The option's entries after the back end and the id, in order: what a configuration file's
     * {@code [chardev "ID"]} section holds besides {@code backend}.
     */
    public static Map<String, String> entries(JsonNode backend) {
        String kind = backend.path("type").asText();
        JsonNode data = backend.path("data");
        Map<String, String> option = new LinkedHashMap<>();
        switch (kind) {
            case "file" -> {
                option.put("path", data.path("out").asText());
                if (data.path("append").asBoolean(false)) {
                    option.put("append", "on");
                }
            }
            case "socket" -> socket(option, data);
            case "ringbuf", "memory" -> {
                if (data.has("size")) {
                    option.put("size", data.path("size").asText());
                }
            }
            default -> {}
        }
        if (data.has("logfile")) {
            option.put("logfile", data.path("logfile").asText());
        }
        if (data.path("logappend").asBoolean(false)) {
            option.put("logappend", "on");
        }
        return option;
    }

    private static void socket(Map<String, String> option, JsonNode data) {
        JsonNode address = data.path("addr");
        JsonNode where = address.path("data");
        switch (address.path("type").asText()) {
            case "unix" -> {
                option.put("path", where.path("path").asText());
                if (where.path("abstract").asBoolean(false)) {
                    option.put("abstract", "on");
                    option.put("tight", where.path("tight").asBoolean(true) ? "on" : "off");
                }
            }
            case "inet" -> {
                option.put("host", where.path("host").asText());
                option.put("port", where.path("port").asText());
                for (Iterator<Map.Entry<String, JsonNode>> it = where.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> member = it.next();
                    if (!member.getKey().equals("host") && !member.getKey().equals("port")) {
                        option.put(member.getKey(), text(member.getValue()));
                    }
                }
            }
            case "fd" -> option.put("fd", where.path("str").asText());
            default ->
                throw new IllegalArgumentException("a -chardev option cannot give a "
                        + address.path("type").asText() + " socket address");
        }
        boolean server = data.path("server").asBoolean(true);
        option.put("server", server ? "on" : "off");
        if (server) {
            option.put("wait", data.path("wait").asBoolean(false) ? "on" : "off");
        }
        for (String key :
                new String[] {"nodelay", "telnet", "tn3270", "websocket", "reconnect", "tls-creds", "tls-authz"}) {
            if (data.has(key)) {
                option.put(key, text(data.get(key)));
            }
        }
    }

    private static String text(JsonNode value) {
        return value.isBoolean() ? (value.booleanValue() ? "on" : "off") : value.asText();
    }

    private static String escape(String text) {
        return text.replace(",", ",,");
    }
}
