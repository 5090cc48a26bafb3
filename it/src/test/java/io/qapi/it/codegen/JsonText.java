package io.qapi.it.codegen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * JSON for tests: parsing text written with QMP's single quotes, and comparing values the way
 * QMP means them, where member order carries no meaning and 5 and 5.0 are one number.
 */
final class JsonText {
    private static final JsonMapper MAPPER =
            JsonMapper.builder().enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();

    private JsonText() {}

    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad JSON in the test: " + text, e);
        }
    }

    /**
     * The JSON values one after another in the text, as QMP reads them from a stream; where
     * the text stops being JSON, the values before.
     */
    static List<JsonNode> parseAll(String text) {
        List<JsonNode> values = new ArrayList<>();
        try (MappingIterator<JsonNode> it = MAPPER.readerFor(JsonNode.class).readValues(text)) {
            while (it.hasNext()) {
                values.add(it.next());
            }
        } catch (IOException | RuntimeException e) {
            // malformed input, sent on purpose to see QEMU's errors
        }
        return values;
    }

    static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails unless the values are equal up to member order and number representation. */
    static void assertEquivalent(JsonNode expected, JsonNode actual) {
        assertEquivalent(expected, actual, "");
    }

    static void assertEquivalent(JsonNode expected, JsonNode actual, String context) {
        String d = difference(expected, actual);
        if (d != null) {
            org.junit.jupiter.api.Assertions.fail((context.isEmpty() ? "" : context + ": ") + d + "\nexpected: "
                    + expected + "\nactual:   " + actual);
        }
    }

    static void assertEquivalent(String expected, JsonNode actual) {
        assertEquivalent(parse(expected), actual);
    }

    /**
     * Where two values differ, as a path such as {@code [3].props.xlevel: 1 vs 2}, or null when
     * they are equal up to member order and number representation.
     */
    static String difference(JsonNode expected, JsonNode actual) {
        return difference("", expected, actual);
    }

    private static String difference(String path, JsonNode expected, JsonNode actual) {
        if (actual == null) {
            return at(path) + ": missing (expected " + expected + ")";
        }
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0
                    ? null
                    : at(path) + ": " + expected + " vs " + actual;
        }
        if (expected.getNodeType() != actual.getNodeType()) {
            return at(path) + ": " + expected + " vs " + actual;
        }
        if (expected.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            for (Iterator<Map.Entry<String, JsonNode>> it = actual.fields(); it.hasNext(); ) {
                String name = it.next().getKey();
                if (!expected.has(name)) {
                    return at(path + "." + name) + ": unexpected " + actual.get(name);
                }
            }
            for (String name : names) {
                String d = difference(path + "." + name, expected.get(name), actual.get(name));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (expected.isArray()) {
            if (expected.size() != actual.size()) {
                return at(path) + ": " + expected.size() + " elements vs " + actual.size();
            }
            for (int i = 0; i < expected.size(); i++) {
                String d = difference(path + "[" + i + "]", expected.get(i), actual.get(i));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return expected.equals(actual) ? null : at(path) + ": " + expected + " vs " + actual;
    }

    private static String at(String path) {
        return path.isEmpty() ? "(top)" : path.startsWith(".") ? path.substring(1) : path;
    }
}
