package io.qapi.compiler.gen.introspect;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Json} value as JSON text: compact (no white space at all) or pretty (two
 * spaces of indentation, one member or element a line, as Python's {@code json.dumps(indent=2)}
 * lays it out). Conditions must have been settled first.
 */
public final class JsonWriter {
    private final StringBuilder out = new StringBuilder(1 << 16);
    private final boolean pretty;

    private JsonWriter(boolean pretty) {
        this.pretty = pretty;
    }

    public static String compact(Json value) {
        return write(value, false);
    }

    public static String pretty(Json value) {
        return write(value, true);
    }

    public static String write(Json value, boolean pretty) {
        JsonWriter writer = new JsonWriter(pretty);
        writer.value(value, 0);
        return writer.out.toString();
    }

    private void value(Json value, int depth) {
        if (value instanceof Json.Str s) {
            string(s.value());
        } else if (value instanceof Json.Bool b) {
            out.append(b.value());
        } else if (value instanceof Json.Arr a) {
            array(a.items(), depth);
        } else if (value instanceof Json.Obj o) {
            object(o.members(), depth);
        } else if (value instanceof Json.Cond c) {
            throw new IllegalArgumentException("unsettled condition " + c.ifcond());
        } else {
            out.append("null");
        }
    }

    private void array(List<Json> items, int depth) {
        out.append('[');
        for (int i = 0; i < items.size(); i++) {
            separate(i > 0, depth + 1);
            value(items.get(i), depth + 1);
        }
        close(!items.isEmpty(), depth, ']');
    }

    private void object(Map<String, Json> members, int depth) {
        out.append('{');
        Iterator<Map.Entry<String, Json>> it = members.entrySet().iterator();
        for (boolean first = true; it.hasNext(); first = false) {
            Map.Entry<String, Json> member = it.next();
            separate(!first, depth + 1);
            string(member.getKey());
            out.append(pretty ? ": " : ":");
            value(member.getValue(), depth + 1);
        }
        close(!members.isEmpty(), depth, '}');
    }

    /** Before an element: a comma after the previous one, and in pretty output a new line. */
    private void separate(boolean comma, int depth) {
        if (comma) {
            out.append(',');
        }
        newline(depth);
    }

    private void close(boolean nonEmpty, int depth, char bracket) {
        if (nonEmpty) {
            newline(depth);
        }
        out.append(bracket);
    }

    private void newline(int depth) {
        if (pretty) {
            out.append('\n').append("  ".repeat(depth));
        }
    }

    /** RFC 8259 escaping: quote, backslash and control characters; everything else as is. */
    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
