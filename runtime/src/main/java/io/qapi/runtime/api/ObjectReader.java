package io.qapi.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the members of one JSON object in the order the schema lists them, then checks what is
 * left, as QEMU's input visitor does: a missing member is reported when its turn comes, an
 * unexpected one only after all members were read. Union branches read their members from the
 * same reader as the base, because on the wire they share one object.
 */
public final class ObjectReader {
    private final Input in;
    private final ObjectNode object;
    private final String path;
    /** The names asked for; only consulted when members are left over, which is rare. */
    private final ArrayList<String> read = new ArrayList<>(8);
    /** How many of the object's members were read; absent optional members do not count. */
    private int present;

    private Map<String, JsonNode> kept;

    ObjectReader(Input in, ObjectNode object, String path) {
        this.in = in;
        this.object = object;
        this.path = path;
    }

    public Input input() {
        return in;
    }

    public String path() {
        return path;
    }

    public <T> T required(String name, Decoder<T> decoder) {
        read.add(name);
        JsonNode json = object.get(name);
        String memberPath = Input.member(path, name);
        if (json == null) {
            throw in.missing(memberPath);
        }
        present++;
        return keepIfLossy(name, json, decoder, decoder.decode(in, json, memberPath));
    }

    public <T> Optional<T> optional(String name, Decoder<T> decoder) {
        read.add(name);
        JsonNode json = object.get(name);
        if (json == null) {
            return Optional.empty();
        }
        present++;
        return Optional.of(keepIfLossy(name, json, decoder, decoder.decode(in, json, Input.member(path, name))));
    }

    public <T> List<T> requiredList(String name, Decoder<T> element) {
        return required(name, listOf(element));
    }

    public <T> Optional<List<T>> optionalList(String name, Decoder<T> element) {
        return optional(name, listOf(element));
    }

    /** A decoder for a list whose elements {@code element} decodes. */
    public static <T> Decoder<List<T>> listOf(Decoder<T> element) {
        return new Decoder<>() {
            @Override
            public List<T> decode(Input in, JsonNode json, String path) {
                return in.list(json, path, element);
            }

            @Override
            public boolean lossy(List<T> value) {
                for (T t : value) {
                    if (element.lossy(t)) {
                        return true;
                    }
                }
                return false;
            }
        };
    }

    /** The text of a member, for a union's discriminator that this code does not know. */
    public String rawString(String name) {
        JsonNode json = object.get(name);
        return json == null ? null : json.asText();
    }

    private <T> T keepIfLossy(String name, JsonNode json, Decoder<T> decoder, T value) {
        if (in.lenient() && decoder.lossy(value)) {
            keep(name, json);
        }
        return value;
    }

    private void keep(String name, JsonNode json) {
        if (kept == null) {
            kept = new LinkedHashMap<>();
        }
        kept.put(name, json);
    }

    /**
     * Ends reading. Strictly, a member nobody read is an error; leniently, such members are
     * returned (with members whose value could not be represented) to be written back as they
     * were.
     */
    public Map<String, JsonNode> finish() {
        if (present < object.size()) {
            Iterator<String> names = object.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (read.contains(name)) {
                    continue;
                }
                if (!in.lenient()) {
                    throw in.unexpected(Input.member(path, name));
                }
                keep(name, object.get(name));
            }
        }
        return kept == null ? Map.of() : Collections.unmodifiableMap(kept);
    }
}
