package io.qapi.machine.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A property list stored as an edit of another decodes back to the same list, whatever the two lists are. */
class PropertyListsTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static ArrayNode reply(List<String> names) {
        ArrayNode list = NODES.arrayNode();
        names.forEach(n -> list.addObject().put("name", n).put("type", "bool"));
        return list;
    }

    @Test
    void editsDecodeToTheOriginalForRandomLists() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            List<String> base = new ArrayList<>();
            List<String> list = new ArrayList<>();
            for (int i = 0; i < random.nextInt(30); i++) {
                base.add("p" + random.nextInt(40));
            }
            for (int i = 0; i < random.nextInt(30); i++) {
                list.add(
                        random.nextBoolean() && !base.isEmpty()
                                ? base.get(random.nextInt(base.size()))
                                : "p" + random.nextInt(40));
            }
            Map<JsonNode, Integer> table = new LinkedHashMap<>();
            ArrayNode baseReply = reply(base);
            List<Integer> baseIndexes = PropertyLists.index(baseReply, table);
            ArrayNode listReply = reply(list);
            List<Integer> listIndexes = PropertyLists.index(listReply, table);
            ArrayNode tableNode = NODES.arrayNode().addAll(table.keySet());
            JsonNode edit = PropertyLists.encodeAsEdit("base", baseIndexes, listIndexes);
            assertEquals(listReply, PropertyLists.decode(edit, tableNode, t -> baseReply), edit.toString());
            assertEquals(listReply, PropertyLists.decode(PropertyLists.encodePlain(listIndexes), tableNode, t -> null));
        }
    }

    @Test
    void aSharedRunIsStoredAsOneCopy() {
        Map<JsonNode, Integer> table = new LinkedHashMap<>();
        List<Integer> base = PropertyLists.index(reply(List.of("a", "b", "c", "d")), table);
        List<Integer> list = PropertyLists.index(reply(List.of("x", "a", "b", "c", "d")), table);
        JsonNode edit = PropertyLists.encodeAsEdit("base", base, list);
        assertEquals("{\"like\":\"base\",\"items\":[4,[0,4]]}", edit.toString());
    }

    @Test
    void anEntryOutsideTheTableIsRefused() {
        ArrayNode table = NODES.arrayNode();
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> PropertyLists.decode(NODES.arrayNode().add(3), table, t -> null));
        assertTrue(e.getMessage().contains("no property entry 3"), e.getMessage());
    }
}
