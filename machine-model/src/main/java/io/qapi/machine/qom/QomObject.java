package io.qapi.machine.qom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * One object of the QOM tree as {@code qom-list} and {@code qom-get} show it.
 *
 * @param path       its canonical path ({@code /machine/unattached/device[3]})
 * @param type       its QOM type
 * @param properties its properties, each as {@code qom-list} lists it ({@code name}, {@code type},
 *                   and {@code description} where QEMU gives one), in QEMU's order
 * @param values     the values {@code qom-get} reads, by property name; a property listed but
 *                   absent here is one QEMU cannot read in this state (or that is not modeled)
 */
public record QomObject(String path, String type, List<ObjectNode> properties, Map<String, JsonNode> values) {

    public QomObject {
        properties = List.copyOf(properties);
        values = Map.copyOf(values);
    }

    /** The last path component: the name its parent knows it by. */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The path of the parent; {@code "/"} for a child of the root, null for the root. */
    public String parentPath() {
        if (path.equals("/")) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        return slash == 0 ? "/" : path.substring(0, slash);
    }

    /** The listed property named {@code name}, or null. */
    public ObjectNode property(String name) {
        for (ObjectNode property : properties) {
            if (property.path("name").asText().equals(name)) {
                return property;
            }
        }
        return null;
    }
}
