package io.qapi.machine.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stores a machine-type family's versions as differences from its newest member, so that the
 * pack holds one full board per family instead of near-copies. A family is the name without its
 * trailing {@code -MAJOR.MINOR} ({@code pc-i440fx-2.0} → {@code pc-i440fx}). A non-base member's
 * entry names its {@code base} and keeps, per board ({@code nodefaults}, {@code defaults}), only
 * the replies that differ from the base's; a reply left out is the base's.
 */
final class FamilyLayout {
    private FamilyLayout() {
    }

    static String family(String machine) {
        return machine.replaceFirst("-\\d+\\.\\d+$", "");
    }

    /** Orders versioned names by their numeric version, so 2.12 comes after 2.4. */
    static final Comparator<String> BY_VERSION = Comparator.comparing(FamilyLayout::major)
            .thenComparing(FamilyLayout::minor);

    private static int major(String name) {
        return versionPart(name, 0);
    }

    private static int minor(String name) {
        return versionPart(name, 1);
    }

    private static int versionPart(String name, int index) {
        if (family(name).equals(name)) {
            return -1;
        }
        String version = name.substring(family(name).length() + 1);
        return Integer.parseInt(version.split("\\.")[index]);
    }

    /** The entries to write, per machine name, with non-base members reduced to differences. */
    static Map<String, ObjectNode> compact(Map<String, ObjectNode> boards) {
        Map<String, String> baseOfFamily = new LinkedHashMap<>();
        for (String name : boards.keySet()) {
            baseOfFamily.merge(family(name), name,
                    (a, b) -> BY_VERSION.compare(a, b) >= 0 ? a : b);
        }
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        for (Map.Entry<String, ObjectNode> e : boards.entrySet()) {
            String base = baseOfFamily.get(family(e.getKey()));
            out.put(e.getKey(), base.equals(e.getKey()) ? e.getValue()
                    : difference(base, boards.get(base), e.getValue()));
        }
        return out;
    }

    private static ObjectNode difference(String baseName, ObjectNode base, ObjectNode member) {
        ObjectNode diff = member.objectNode();
        diff.put("base", baseName);
        member.fields().forEachRemaining(board -> {
            ObjectNode kept = diff.putObject(board.getKey());
            JsonNode baseBoard = base.path(board.getKey());
            board.getValue().fields().forEachRemaining(reply -> {
                if (!reply.getValue().equals(baseBoard.path(reply.getKey()))) {
                    kept.set(reply.getKey(), reply.getValue());
                }
            });
        });
        return diff;
    }
}
