package io.qapi.it.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text shown when a scenario's two outcomes differ: the scenario and its command line, the
 * JSON pointer of the first difference with the two values there, and the step it belongs to
 * with both replies (or both event lists, or both whole outcomes when the start differed).
 */
final class DiffReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REPLY = Pattern.compile("^/replies/(\\d+)");
    private static final int LIMIT = 4000;

    private DiffReport() {}

    static String render(Scenario scenario, JsonNode reference, JsonNode candidate, JsonDiff.Difference difference) {
        StringBuilder text = new StringBuilder();
        text.append("scenario ")
                .append(scenario.name())
                .append(": ")
                .append(scenario.description())
                .append('\n');
        text.append("command line: ").append(String.join(" ", scenario.args())).append('\n');
        text.append("first difference at ")
                .append(difference.pointer().isEmpty() ? "(the whole outcome)" : difference.pointer())
                .append('\n');
        text.append("  reference: ").append(shown(difference.reference())).append('\n');
        text.append("  candidate: ").append(shown(difference.candidate())).append('\n');
        Matcher reply = REPLY.matcher(difference.pointer());
        if (reply.find()) {
            int index = Integer.parseInt(reply.group(1));
            String sent = index < scenario.steps().size()
                    ? Scenario.wireText(scenario.steps().get(index))
                    : "?";
            text.append("step ").append(index + 1).append(": ").append(sent).append('\n');
            text.append("  reference reply: ")
                    .append(pretty(reference.path("replies").path(index)))
                    .append('\n');
            text.append("  candidate reply: ")
                    .append(pretty(candidate.path("replies").path(index)))
                    .append('\n');
        } else if (difference.pointer().startsWith("/events")) {
            text.append("  reference events: ")
                    .append(pretty(reference.path("events")))
                    .append('\n');
            text.append("  candidate events: ")
                    .append(pretty(candidate.path("events")))
                    .append('\n');
        } else {
            text.append("  reference outcome: ").append(pretty(reference)).append('\n');
            text.append("  candidate outcome: ").append(pretty(candidate)).append('\n');
        }
        return text.toString();
    }

    private static String shown(JsonNode value) {
        return value == null ? "(missing)" : cut(value.toString());
    }

    private static String pretty(JsonNode value) {
        try {
            return cut(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            return cut(value.toString());
        }
    }

    private static String cut(String text) {
        return text.length() <= LIMIT
                ? text
                : text.substring(0, LIMIT) + " … (" + (text.length() - LIMIT) + " more characters)";
    }
}
