package io.qapi.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON as the shell prints it: indented by four spaces with {@code "key": value}, empty
 * objects and arrays as {@code {}} and {@code []}, as Python's {@code json.dumps(indent=4)}
 * prints them (and so QEMU's qmp-shell with {@code -p}); or all on one line.
 */
public final class JsonText {
    private static final String INDENT = "    ";

    private JsonText() {}

    /** The value indented over several lines. */
    public static String pretty(JsonNode value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0, true);
        return out.toString();
    }

    /** The value on one line, with a space after each {@code :} and {@code ,}. */
    public static String compact(JsonNode value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0, false);
        return out.toString();
    }

    private static void write(JsonNode value, StringBuilder out, int depth, boolean pretty) {
        if (value.isObject() && !value.isEmpty()) {
            out.append('{');
            String separator = "";
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                out.append(separator);
                breakLine(out, depth + 1, pretty);
                out.append(quoted(member.getKey())).append(": ");
                write(member.getValue(), out, depth + 1, pretty);
                separator = ",";
            }
            breakLine(out, depth, pretty);
            out.append('}');
        } else if (value.isArray() && !value.isEmpty()) {
            out.append('[');
            String separator = "";
            for (JsonNode element : value) {
                out.append(separator);
                breakLine(out, depth + 1, pretty);
                write(element, out, depth + 1, pretty);
                separator = ",";
            }
            breakLine(out, depth, pretty);
            out.append(']');
        } else {
            out.append(value.toString()); // Jackson writes scalars and empty containers as JSON
        }
    }

    /** A new line at {@code depth} when pretty; else a space after a comma. */
    private static void breakLine(StringBuilder out, int depth, boolean pretty) {
        if (pretty) {
            out.append('\n').append(INDENT.repeat(depth));
        } else if (out.charAt(out.length() - 1) == ',') {
            out.append(' ');
        }
    }

    private static String quoted(String text) {
        return TextNode.valueOf(text).toString();
    }
}
