package io.qapi.runtime.keyval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.runtime.api.QmpError;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random text is parsed into a tree of objects, lists and strings or rejected with a
 * GenericError, never anything else; and random trees written out in the syntax read back
 * as themselves.
 */
class KeyvalFuzzTest {
    private static final long SEED = 20240517L;
    private static final int TEXTS = 30_000;
    private static final int TREES = 3_000;
    /** Weighted towards the characters the syntax gives meaning to. */
    private static final String ALPHABET = "==,,,..._-?help0123ab Z\u00e9\u2603\ud83d\0\t";

    private static final String[] NAMES = {"a", "b", "id", "type", "x-y", "Z_9", "__org.q_n"};
    private static final String VALUE_CHARS = "ab9,=.?_ -\u00e9\u2603";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void randomTextIsAcceptedOrRejectedWithAGenericError() {
        Random random = new Random(SEED);
        int accepted = 0;
        for (int i = 0; i < TEXTS; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(24);
            for (int j = 0; j < length; j++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String implied = random.nextBoolean() ? null : "implied";
            Keyval.Parsed parsed;
            try {
                parsed = Keyval.parseWithHelp(text.toString(), implied);
            } catch (QmpError e) {
                assertEquals(QmpError.GENERIC_ERROR, e.errorClass(), text::toString);
                assertFalse(e.desc().isEmpty(), text::toString);
                continue;
            } catch (RuntimeException | Error e) {
                throw new AssertionError("input " + quote(text) + " threw " + e, e);
            }
            assertWellFormed(parsed.tree(), text);
            accepted++;
        }
        // Make sure the inputs exercise both outcomes.
        assertFalse(accepted < TEXTS / 50, "only " + accepted + " accepted");
        assertFalse(accepted > TEXTS - TEXTS / 50, "only " + (TEXTS - accepted) + " rejected");
    }

    /** Inner nodes are objects or non-empty lists, leaves are strings. */
    private static void assertWellFormed(JsonNode tree, CharSequence text) {
        Deque<JsonNode> pending = new ArrayDeque<>(List.of(tree));
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isObject() || (node.isArray() && !node.isEmpty())) {
                node.elements().forEachRemaining(pending::push);
            } else if (!node.isTextual()) {
                fail("input " + quote(text) + " gave " + node.getNodeType());
            }
        }
    }

    private static String quote(CharSequence text) {
        return "\"" + text.toString().replace("\0", "\\0") + "\"";
    }

    @Test
    void randomTreesReadBackAsWritten() {
        Random random = new Random(SEED);
        for (int i = 0; i < TREES; i++) {
            ObjectNode tree = object(random, 0);
            List<String> items = new ArrayList<>();
            write(tree, "", items);
            Collections.shuffle(items, random);
            String text = String.join(",", items);
            assertEquals(tree, Keyval.parse(text), text);
        }
    }

    private static ObjectNode object(Random random, int depth) {
        ObjectNode object = NODES.objectNode();
        int members = 1 + random.nextInt(3);
        for (int i = 0; i < members; i++) {
            object.set(NAMES[random.nextInt(NAMES.length)], node(random, depth + 1));
        }
        return object;
    }

    private static JsonNode node(Random random, int depth) {
        int kind = depth > 3 ? 0 : random.nextInt(3);
        if (kind == 1) {
            return object(random, depth);
        }
        if (kind == 2) {
            ArrayNode list = NODES.arrayNode();
            int elements = 1 + random.nextInt(12);
            for (int i = 0; i < elements; i++) {
                list.add(node(random, depth + 1));
            }
            return list;
        }
        StringBuilder value = new StringBuilder();
        int length = random.nextInt(6);
        for (int i = 0; i < length; i++) {
            value.append(VALUE_CHARS.charAt(random.nextInt(VALUE_CHARS.length())));
        }
        return NODES.textNode(value.toString());
    }

    /** Writes one {@code key=value} item per leaf, commas doubled. */
    private static void write(JsonNode node, String key, List<String> items) {
        if (node.isTextual()) {
            items.add(key + "=" + node.textValue().replace(",", ",,"));
            return;
        }
        String prefix = key.isEmpty() ? "" : key + ".";
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                write(node.get(i), prefix + i, items);
            }
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            write(member.getValue(), prefix + member.getKey(), items);
        }
    }
}
