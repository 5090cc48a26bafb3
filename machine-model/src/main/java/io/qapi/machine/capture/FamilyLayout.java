package io.qapi.machine.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stores a machine-type family's versions as differences from its newest member, so that the
 * pack holds one full board per family instead of near-copies. A family is the name without its
 * trailing {@code -MAJOR.MINOR} ({@code pc-i440fx-2.0} → {@code pc-i440fx}). A non-base member's
 * entry names its {@code base} and keeps, per board ({@code nodefaults}, {@code defaults}), only
 * the replies that differ from the base's; a reply left out is the base's. Its {@code switches}
 * keep, per switch, only the board variants that differ from the base's for the same switch; which
 * switches a member has is told by its own machine properties, not by this list. Its
 * {@code suppressions} keep only the combinations whose boards differ from the base's.
 */
final class FamilyLayout {
    private FamilyLayout() {}

    static String family(String machine) {
        return machine.replaceFirst("-\\d+\\.\\d+$", "");
    }

    /** Orders versioned names by their numeric version, so 2.12 comes after 2.4. */
    static final Comparator<String> BY_VERSION =
            Comparator.comparing(FamilyLayout::major).thenComparing(FamilyLayout::minor);

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
            baseOfFamily.merge(family(name), name, (a, b) -> BY_VERSION.compare(a, b) >= 0 ? a : b);
        }
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        for (Map.Entry<String, ObjectNode> e : boards.entrySet()) {
            String base = baseOfFamily.get(family(e.getKey()));
            out.put(
                    e.getKey(),
                    base.equals(e.getKey()) ? e.getValue() : difference(base, boards.get(base), e.getValue()));
        }
        return out;
    }

    private static ObjectNode difference(String baseName, ObjectNode base, ObjectNode member) {
        ObjectNode diff = member.objectNode();
        diff.put("base", baseName);
        member.fields().forEachRemaining(board -> {
            if (board.getKey().equals(SwitchCapture.SWITCHES)) {
                ObjectNode switches = switchesDifference(base.path(SwitchCapture.SWITCHES), board.getValue());
                if (!switches.isEmpty()) {
                    diff.set(SwitchCapture.SWITCHES, switches);
                }
            } else if (board.getKey().equals(SuppressionCapture.SUPPRESSIONS)) {
                ObjectNode suppressions = changed(base.path(SuppressionCapture.SUPPRESSIONS), board.getValue());
                if (!suppressions.isEmpty()) {
                    diff.set(SuppressionCapture.SUPPRESSIONS, suppressions);
                }
            } else {
                diff.set(board.getKey(), changed(base.path(board.getKey()), board.getValue()));
            }
        });
        return diff;
    }

    /** The members of {@code member} that {@code base} lacks or has otherwise. */
    private static ObjectNode changed(JsonNode base, JsonNode member) {
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        member.fields().forEachRemaining(entry -> {
            if (!entry.getValue().equals(base.path(entry.getKey()))) {
                kept.set(entry.getKey(), entry.getValue());
            }
        });
        return kept;
    }

    /**
     * The switches whose boards differ from the base's, per board variant; a switch the base
     * does not have is kept whole.
     */
    private static ObjectNode switchesDifference(JsonNode base, JsonNode member) {
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        member.fields().forEachRemaining(machineSwitch -> {
            JsonNode baseSwitch = base.path(machineSwitch.getKey());
            ObjectNode variants = baseSwitch.isMissingNode()
                    ? (ObjectNode) machineSwitch.getValue()
                    : changed(baseSwitch, machineSwitch.getValue());
            if (!variants.isEmpty()) {
                kept.set(machineSwitch.getKey(), variants);
            }
        });
        return kept;
    }
}
