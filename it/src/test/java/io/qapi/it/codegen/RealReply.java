package io.qapi.it.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A reply a real QEMU 7.2 gave, gathered from {@code shared/qemu/real-7.2/out}. The files
 * come in three shapes, and each names its command its own way:
 * <ul>
 *   <li>a reply as it was ({@code {"return": …}} or {@code {"error": …}}), named after the
 *       command: {@code query-machines.json}, {@code device-list-properties.e1000.json},
 *       {@code qom-list.machine.json}, and {@code cpu-model-expansion/<model>.<type>.json};</li>
 *   <li>a transcript object whose members are replies, keyed by the command and a note:
 *       {@code "query-hotpluggable-cpus (before)"}, {@code "qom-list /machine (preconfig)"};
 *       the key {@code smp} is the reply to {@code qom-get /machine smp};</li>
 *   <li>lists of steps, each with the request it sent ({@code "request": {"execute": …}} with
 *       {@code "reply"}, or {@code "sent"} text with {@code "replies"}).</li>
 * </ul>
 * The byte-exact copies in {@code raw/} say nothing new and are left out by {@link #under}.
 *
 * @param source  where the reply is: the file, and the transcript key or step
 * @param command the command it answers
 * @param reply   the whole reply, {@code {"return": …}} or {@code {"error": …}}
 */
record RealReply(String source, String command, JsonNode reply) {
    /** Transcript keys that do not start with the command's name. */
    private static final Map<String, String> KEY_ALIASES = Map.of("smp", "qom-get");

    boolean isError() {
        return reply.has("error");
    }

    JsonNode value() {
        return reply.get("return");
    }

    static List<RealReply> under(Path out) throws IOException {
        List<RealReply> found = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(out)) {
            files = walk.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> !out.relativize(p).toString().contains("raw/"))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            String source = out.relativize(file).toString().replace('\\', '/');
            JsonNode json = JsonText.read(file);
            if (isReply(json)) {
                found.add(new RealReply(source, commandOfFile(file), json));
            } else {
                collect(source, null, json, found);
            }
        }
        return found;
    }

    private static boolean isReply(JsonNode json) {
        return json.isObject()
                && (json.has("return") || json.has("error"))
                && json.size() <= 2
                && (json.size() == 1 || json.has("id"));
    }

    private static String commandOfFile(Path file) {
        if (file.getParent().getFileName().toString().equals("cpu-model-expansion")) {
            return "query-cpu-model-expansion";
        }
        String name = file.getFileName().toString();
        return name.substring(0, name.indexOf('.'));
    }

    private static String commandOf(JsonNode request) {
        return request.has("execute")
                ? request.get("execute").asText()
                : request.path("exec-oob").asText();
    }

    /**
     * Replies inside a transcript, with the command each answers; {@code context} is the key
     * the part being walked was found under, which names the command of a bare {@code "reply"}
     * (as in {@code "set-numa-node cpu mappings": [{"arguments": …, "reply": …}]}).
     */
    private static void collect(String source, String context, JsonNode json, List<RealReply> found) {
        if (json.isArray()) {
            json.forEach(element -> collect(source, context, element, found));
            return;
        }
        if (!json.isObject()) {
            return;
        }
        if (json.has("request") && json.has("reply")) {
            found.add(new RealReply(
                    source + ": " + json.path("name").asText(), commandOf(json.get("request")), json.get("reply")));
            return;
        }
        if (json.has("sent") && json.has("replies")) {
            // What was sent may be several requests in one write; replies answer by id, or in order.
            List<JsonNode> requests = JsonText.parseAll(json.get("sent").asText());
            int next = 0;
            for (JsonNode reply : json.get("replies")) {
                JsonNode request = null;
                for (JsonNode r : requests) {
                    if (reply.has("id") && reply.get("id").equals(r.get("id"))) {
                        request = r;
                    }
                }
                if (request == null && next < requests.size() && !reply.has("id")) {
                    request = requests.get(next);
                }
                next++;
                if (request != null) {
                    found.add(new RealReply(source + ": " + json.path("case").asText(), commandOf(request), reply));
                }
            }
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String key = member.getKey();
            if (isReply(member.getValue())) {
                String named = key.equals("reply") && context != null ? context : key;
                String first = named.split(" ")[0];
                found.add(new RealReply(
                        source + ": " + named, KEY_ALIASES.getOrDefault(first, first), member.getValue()));
            } else {
                collect(source, key, member.getValue(), found);
            }
        }
    }
}
