package io.qapi.runtime.keyval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.runtime.api.QmpError;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the parsed {@link Dict} tree into JSON, making lists of the objects whose members are
 * all indexes. Members are visited in QEMU's order and each object is finished only after all of
 * its members, so the first error found is the one QEMU reports.
 *
 * <p>The walk keeps its own stack rather than recursing: a key may have as many fragments as the
 * text allows, and a deep key must not overflow the thread's stack.
 */
final class Listify {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Listify() {}

    /** An object being converted: where it hangs, its members, and those converted so far. */
    private static final class Frame {
        final Frame parent;
        final String name;
        final Dict dict;
        final List<String> names;
        final List<JsonNode> done = new ArrayList<>();
        boolean hasIndex;
        boolean hasMember;

        Frame(Frame parent, String name, Dict dict) {
            this.parent = parent;
            this.name = name;
            this.dict = dict;
            this.names = dict.names();
        }
    }

    static ObjectNode tree(Dict root) {
        Frame frame = new Frame(null, null, root);
        while (true) {
            if (frame.done.size() < frame.names.size()) {
                String name = frame.names.get(frame.done.size());
                if (Fragments.index(name) >= 0) {
                    frame.hasIndex = true;
                } else {
                    frame.hasMember = true;
                }
                Object value = frame.dict.get(name);
                if (value instanceof Dict child) {
                    frame = new Frame(frame, name, child);
                } else {
                    frame.done.add(NODES.textNode((String) value));
                }
                continue;
            }
            JsonNode node = finish(frame);
            if (frame.parent == null) {
                // Top-level names are never indexes, so the root stays an object.
                return (ObjectNode) node;
            }
            frame = frame.parent;
            frame.done.add(node);
        }
    }

    private static JsonNode finish(Frame frame) {
        if (frame.hasIndex && frame.hasMember) {
            throw QmpError.generic("Parameters '" + path(frame) + "*' used inconsistently");
        }
        if (!frame.hasIndex) {
            ObjectNode object = NODES.objectNode();
            for (int i = 0; i < frame.names.size(); i++) {
                object.set(frame.names.get(i), frame.done.get(i));
            }
            return object;
        }
        // Indexes written differently can be equal (1, 01); the one met last wins.
        Map<Integer, JsonNode> elements = new HashMap<>();
        int max = -1;
        for (int i = 0; i < frame.names.size(); i++) {
            int index = Fragments.index(frame.names.get(i));
            elements.put(index, frame.done.get(i));
            max = Math.max(max, index);
        }
        ArrayNode list = NODES.arrayNode(elements.size());
        for (int i = 0; i <= max; i++) {
            JsonNode element = elements.get(i);
            if (element == null) {
                throw QmpError.generic("Parameter '" + path(frame) + i + "' missing");
            }
            list.add(element);
        }
        return list;
    }

    /** The key of {@code frame}'s object with a trailing dot, as QEMU prints it: "a.b.". */
    private static String path(Frame frame) {
        Deque<String> names = new ArrayDeque<>();
        for (Frame f = frame; f.parent != null; f = f.parent) {
            names.push(f.name);
        }
        StringBuilder path = new StringBuilder();
        for (String name : names) {
            path.append(name).append('.');
        }
        return path.toString();
    }
}
