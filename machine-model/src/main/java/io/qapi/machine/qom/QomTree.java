package io.qapi.machine.qom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.qapi.runtime.QmpError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The QOM composition tree, immutable: each change gives a new tree, so a command that fails
 * half-way changes nothing. Paths resolve as QEMU's {@code object_resolve_path} does: an absolute
 * path from the root, or a partial path that must match exactly one object's trailing components
 * ({@code "device[3]"}, {@code "peripheral/net0"}).
 */
public final class QomTree {
    private final Map<String, QomObject> objects;

    private QomTree(Map<String, QomObject> objects) {
        this.objects = objects;
    }

    public static QomTree of(Collection<QomObject> objects) {
        Map<String, QomObject> byPath = new LinkedHashMap<>();
        for (QomObject object : objects) {
            byPath.put(object.path(), object);
        }
        return new QomTree(Map.copyOf(byPath));
    }

    /** A tree with {@code object} added, or replaced when its path exists. */
    public QomTree with(QomObject object) {
        Map<String, QomObject> copy = new LinkedHashMap<>(objects);
        copy.put(object.path(), object);
        return new QomTree(Map.copyOf(copy));
    }

    /** A tree without the object at {@code path} and everything below it. */
    public QomTree without(String path) {
        Map<String, QomObject> copy = new LinkedHashMap<>(objects);
        copy.keySet().removeIf(p -> p.equals(path) || p.startsWith(path + "/"));
        return new QomTree(Map.copyOf(copy));
    }

    public boolean contains(String path) {
        return objects.containsKey(path);
    }

    public QomObject get(String path) {
        return objects.get(path);
    }

    /**
     * The object {@code path} names, or QEMU's error: {@code DeviceNotFound} "Device 'P' not
     * found", or "Path 'P' is ambiguous" for a partial path that matches several objects.
     */
    public QomObject resolve(String path) {
        if (path.startsWith("/")) {
            String canonical = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            QomObject object = objects.get(canonical);
            if (object == null) {
                throw new QmpError(QmpError.DEVICE_NOT_FOUND, "Device '" + path + "' not found");
            }
            return object;
        }
        List<QomObject> matches = new ArrayList<>();
        for (QomObject object : objects.values()) {
            if (!path.isEmpty() && object.path().endsWith("/" + path)) {
                matches.add(object);
            }
        }
        if (matches.size() > 1) {
            throw QmpError.generic("Path '" + path + "' is ambiguous");
        }
        if (matches.isEmpty()) {
            throw new QmpError(QmpError.DEVICE_NOT_FOUND, "Device '" + path + "' not found");
        }
        return matches.get(0);
    }

    /** {@code qom-list}: the properties of the object at {@code path}. */
    public List<ObjectNode> list(String path) {
        return resolve(path).properties();
    }

    /**
     * {@code qom-get}: a property's value, with QEMU's errors for an unknown property and for one
     * that cannot be read (QEMU's permission-denied text). A {@code child<…>} property reads as the child's path.
     */
    public JsonNode read(String path, String property) {
        QomObject object = resolve(path);
        ObjectNode listed = object.property(property);
        if (listed == null) {
            throw QmpError.generic("Property '" + object.type() + "." + property + "' not found");
        }
        JsonNode value = object.values().get(property);
        if (value != null) {
            return value;
        }
        if (listed.path("type").asText().startsWith("child<")) {
            return TextNode.valueOf(childPath(object, property));
        }
        // The capture records every value QEMU reads; what is missing QEMU refuses to read.
        throw QmpError.generic("Insufficient permission to perform this operation");
    }

    private static String childPath(QomObject parent, String name) {
        return parent.path().equals("/") ? "/" + name : parent.path() + "/" + name;
    }
}
