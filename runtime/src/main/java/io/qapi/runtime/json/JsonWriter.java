package io.qapi.runtime.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes JSON as QEMU's monitor does: one line, {@code ", "} and {@code ": "} between items,
 * everything outside printable ASCII as {@code \\uXXXX} (upper-case hex, surrogate pairs beyond
 * the BMP, U+FFFD for what is not a character), doubles as C's {@code %.17g}, and a message
 * ends in {@code \r\n}. Object members come in QEMU's hash order ({@link QDictOrder}) or, for
 * writers that do not need to look like QEMU, in the order they were added. Thread-safe.
 */
public final class JsonWriter {

    /** How members of an object are ordered. */
    public enum KeyOrder {
        /** As QEMU lists them: see {@link QDictOrder}. */
        QEMU,
        /** As they were added to the object. */
        INSERTION
    }

    /** Writes exactly as QEMU would. */
    public static final JsonWriter QEMU = new JsonWriter(KeyOrder.QEMU);
    /** Same text, members as added. */
    public static final JsonWriter INSERTION = new JsonWriter(KeyOrder.INSERTION);

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private final KeyOrder order;

    public JsonWriter(KeyOrder order) {
        this.order = order;
    }

    public KeyOrder order() {
        return order;
    }

    /** The message as sent on the wire: its JSON text and {@code \r\n}. */
    public byte[] line(JsonNode message) {
        Out out = new Out(256);
        value(message, out);
        out.put('\r');
        out.put('\n');
        return out.bytes();
    }

    /** The JSON text alone. */
    public String text(JsonNode value) {
        Out out = new Out(64);
        value(value, out);
        return new String(out.bytes(), StandardCharsets.US_ASCII);
    }

    private void value(JsonNode node, Out out) {
        switch (node.getNodeType()) {
            case OBJECT -> object(node, out);
            case ARRAY -> array(node, out);
            case STRING -> string(node.textValue(), out);
            case NUMBER -> number(node, out);
            case BOOLEAN -> out.ascii(node.booleanValue() ? "true" : "false");
            case NULL, MISSING -> out.ascii("null");
            case POJO -> pojo(node, out);
            default -> string(node.asText(), out); // binary nodes: their text
        }
    }

    /** A value whose text is known ({@link EncodedJson}) is copied; any other POJO is its text. */
    private void pojo(JsonNode node, Out out) {
        Object pojo = ((POJONode) node).getPojo();
        if (pojo instanceof EncodedJson encoded) {
            if (encoded.order() == order) {
                out.raw(encoded.text());
            } else {
                value(encoded.value(), out);
            }
        } else {
            string(node.asText(), out);
        }
    }

    private void object(JsonNode node, Out out) {
        out.put('{');
        int size = node.size();
        if (order == KeyOrder.QEMU && size > 1) {
            String[] keys = QDictOrder.order(node.fieldNames(), size);
            for (int i = 0; i < size; i++) {
                member(i, keys[i], node.get(keys[i]), out);
            }
        } else {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            for (int i = 0; fields.hasNext(); i++) {
                Map.Entry<String, JsonNode> field = fields.next();
                member(i, field.getKey(), field.getValue(), out);
            }
        }
        out.put('}');
    }

    private void member(int index, String key, JsonNode value, Out out) {
        if (index > 0) {
            out.put(',');
            out.put(' ');
        }
        string(key, out);
        out.put(':');
        out.put(' ');
        value(value, out);
    }

    private void array(JsonNode node, Out out) {
        out.put('[');
        for (int i = 0; i < node.size(); i++) {
            if (i > 0) {
                out.put(',');
                out.put(' ');
            }
            value(node.get(i), out);
        }
        out.put(']');
    }

    private static void number(JsonNode node, Out out) {
        if (node.isIntegralNumber()) {
            out.ascii(
                    node.canConvertToLong()
                            ? Long.toString(node.longValue())
                            : node.bigIntegerValue().toString());
        } else {
            out.ascii(CFormat.g17(node.doubleValue()));
        }
    }

    private static void string(String s, Out out) {
        out.put('"');
        int length = s.length();
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
                out.put(c);
                continue;
            }
            switch (c) {
                case '"' -> out.ascii("\\\"");
                case '\\' -> out.ascii("\\\\");
                case '\b' -> out.ascii("\\b");
                case '\f' -> out.ascii("\\f");
                case '\n' -> out.ascii("\\n");
                case '\r' -> out.ascii("\\r");
                case '\t' -> out.ascii("\\t");
                default -> i = nonAscii(s, i, out);
            }
        }
        out.put('"');
    }

    /** Writes the character at {@code i} as escapes; returns the index of its last char. */
    private static int nonAscii(String s, int i, Out out) {
        int cp = s.codePointAt(i);
        int last = i + Character.charCount(cp) - 1;
        if (ModifiedUtf8.surrogate(cp) || ModifiedUtf8.nonCharacter(cp)) {
            cp = 0xFFFD; // QEMU cannot hold these in a string and writes the replacement
        }
        if (cp > 0xFFFF) {
            escape(0xD800 + ((cp - 0x10000) >> 10), out);
            escape(0xDC00 + ((cp - 0x10000) & 0x3FF), out);
        } else {
            escape(cp, out);
        }
        return last;
    }

    private static void escape(int unit, Out out) {
        out.put('\\');
        out.put('u');
        out.put(HEX[(unit >> 12) & 0xF]);
        out.put(HEX[(unit >> 8) & 0xF]);
        out.put(HEX[(unit >> 4) & 0xF]);
        out.put(HEX[unit & 0xF]);
    }

    /** A growable byte buffer; output is ASCII, so chars go in as bytes. */
    private static final class Out {
        private byte[] buf;
        private int size;

        Out(int capacity) {
            buf = new byte[capacity];
        }

        void put(int b) {
            if (size == buf.length) {
                buf = Arrays.copyOf(buf, size * 2);
            }
            buf[size++] = (byte) b;
        }

        void ascii(String s) {
            int n = s.length();
            if (size + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(size * 2, size + n));
            }
            for (int i = 0; i < n; i++) {
                buf[size++] = (byte) s.charAt(i);
            }
        }

        void raw(byte[] bytes) {
            if (size + bytes.length > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(size * 2, size + bytes.length));
            }
            System.arraycopy(bytes, 0, buf, size, bytes.length);
            size += bytes.length;
        }

        byte[] bytes() {
            return Arrays.copyOf(buf, size);
        }
    }
}
