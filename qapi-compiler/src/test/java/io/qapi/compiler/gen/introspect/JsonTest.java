package io.qapi.compiler.gen.introspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qapi.compiler.vocabulary.IfCond;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The JSON tree, its conditions, and the two text forms. */
class JsonTest {
    private static final IfCond LINUX = new IfCond(new IfCond.Symbol("CONFIG_LINUX"));

    private static final Json SAMPLE = new Json.Arr(List.of(
            new Json.Obj(Map.of("name", Json.str("a\"b\\c\n\u0001"), "meta-type", Json.str("builtin"))),
            new Json.Obj(Map.of(
                    "empty",
                    new Json.Arr(List.of()),
                    "none",
                    Json.Null.NULL,
                    "yes",
                    new Json.Bool(true),
                    "nested",
                    new Json.Obj(Map.of())))));

    @Test
    void compactHasNoWhiteSpaceAndSortedKeys() {
        assertEquals(
                "[{\"meta-type\":\"builtin\",\"name\":\"a\\\"b\\\\c\\n\\u0001\"},"
                        + "{\"empty\":[],\"nested\":{},\"none\":null,\"yes\":true}]",
                JsonWriter.compact(SAMPLE));
    }

    @Test
    void prettyIndentsByTwoAndKeepsEmptyContainersOnOneLine() {
        assertEquals("""
                [
                  {
                    "meta-type": "builtin",
                    "name": "a\\"b\\\\c\\n\\u0001"
                  },
                  {
                    "empty": [],
                    "nested": {},
                    "none": null,
                    "yes": true
                  }
                ]""", JsonWriter.pretty(SAMPLE));
    }

    @Test
    void selectKeepsOrDropsConditionalElementsAtAnyDepth() {
        Json tree = new Json.Arr(List.of(
                Json.str("always"),
                Json.when(
                        LINUX,
                        new Json.Obj(Map.of(
                                "features",
                                new Json.Arr(List.of(Json.when(LINUX, Json.str("linux-only")), Json.str("plain"))))))));
        assertEquals(
                "[\"always\",{\"features\":[\"linux-only\",\"plain\"]}]",
                JsonWriter.compact(tree.select(c -> c.holds(Set.of("CONFIG_LINUX")))));
        assertEquals("[\"always\"]", JsonWriter.compact(tree.select(c -> c.holds(Set.of()))));
    }

    @Test
    void anUnconditionalValueIsNotWrappedAndUnsettledConditionsCannotBeWritten() {
        assertEquals(Json.str("x"), Json.when(IfCond.NONE, Json.str("x")));
        Json tree = new Json.Arr(List.of(Json.when(LINUX, Json.str("x"))));
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.compact(tree));
    }
}
