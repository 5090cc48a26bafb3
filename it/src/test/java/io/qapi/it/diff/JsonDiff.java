package io.qapi.it.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Optional;

/**
 * The first place where two JSON values differ, as a JSON pointer. Objects are equal when they
 * have the same members whatever their order; arrays are compared element by element; integers
 * by value whatever their size in memory. An integer never equals a fraction: QMP writes each
 * member one way, and {@code 1} for {@code 1.0} is a difference a client can see.
 */
final class JsonDiff {
    private JsonDiff() {}

    /**
     * Where {@code reference} and {@code candidate} first differ (members in the reference's order,
     * then those only the candidate has; elements in index order), or empty when they are equal.
     *
     * @param pointer the JSON pointer of the two values within their documents
     * @param reference the value in the reference's outcome, or {@code null} when missing there
     * @param candidate the value in the candidate's outcome, or {@code null} when missing there
     */
    record Difference(String pointer, JsonNode reference, JsonNode candidate) {}

    static Optional<Difference> first(JsonNode reference, JsonNode candidate) {
        return first("", reference, candidate);
    }

    private static Optional<Difference> first(String pointer, JsonNode reference, JsonNode candidate) {
        if (reference == null || candidate == null || reference.getNodeType() != candidate.getNodeType()) {
            return reference == null && candidate == null
                    ? Optional.empty()
                    : Optional.of(new Difference(pointer, reference, candidate));
        }
        if (reference.isObject()) {
            // the reference's order first: it puts what matters first (the greeting before the
            // replies, "return" before "id"); then what only the candidate has
            LinkedHashSet<String> names = new LinkedHashSet<>();
            reference.fieldNames().forEachRemaining(names::add);
            candidate.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                Optional<Difference> d = first(pointer + "/" + escape(name), reference.get(name), candidate.get(name));
                if (d.isPresent()) {
                    return d;
                }
            }
            return Optional.empty();
        }
        if (reference.isArray()) {
            return firstInArray(pointer, reference, candidate);
        }
        return same(reference, candidate)
                ? Optional.empty()
                : Optional.of(new Difference(pointer, reference, candidate));
    }

    private static boolean same(JsonNode reference, JsonNode candidate) {
        if (reference.isIntegralNumber() && candidate.isIntegralNumber()) {
            return reference.bigIntegerValue().equals(candidate.bigIntegerValue());
        }
        return reference.equals(candidate);
    }

    private static Optional<Difference> firstInArray(String pointer, JsonNode reference, JsonNode candidate) {
        Iterator<JsonNode> a = reference.elements();
        Iterator<JsonNode> b = candidate.elements();
        for (int i = 0; a.hasNext() || b.hasNext(); i++) {
            Optional<Difference> d =
                    first(pointer + "/" + i, a.hasNext() ? a.next() : null, b.hasNext() ? b.next() : null);
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    /** JSON pointer escaping (RFC 6901): {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
