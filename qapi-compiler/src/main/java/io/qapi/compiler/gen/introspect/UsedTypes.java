package io.qapi.compiler.gen.introspect;

import io.qapi.compiler.model.Entity;
import io.qapi.compiler.model.Schema;
import io.qapi.compiler.model.Types.ArrayType;
import io.qapi.compiler.model.Types.BuiltinType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The types introspection shows, and the names it shows them by. Only types that a command or
 * event reaches are shown, in the order they are first used; that order also numbers them,
 * because QEMU hides type names behind numbers so that clients look at commands and events
 * rather than at type names, which are not part of the stable interface.
 */
final class UsedTypes {
    private final Schema schema;
    private final boolean unmask;
    private final List<Entity.Type> queue = new ArrayList<>();
    private final Set<String> queued = new HashSet<>();
    private final Map<String, String> numbers = new HashMap<>();

    UsedTypes(Schema schema, boolean unmask) {
        this.schema = schema;
        this.unmask = unmask;
    }

    /**
     * Records a use of the type and returns its name as introspection shows it: a builtin's own
     * name, {@code [ELEMENT]} for an array, and a number for any other type. The integer types
     * all show as {@code int}: their ranges are not part of what introspection describes.
     */
    String use(String typeName) {
        Entity.Type type = schema.type(typeName);
        if (type.jsonType().equals("int")) {
            type = schema.type("int");
        } else if (type instanceof ArrayType array
                && schema.type(array.elementType()).jsonType().equals("int")) {
            type = schema.type("intList");
        }
        if (queued.add(type.name())) {
            queue.add(type);
        }
        if (type instanceof BuiltinType) {
            return type.name();
        }
        if (type instanceof ArrayType array) {
            return "[" + use(array.elementType()) + "]";
        }
        return shown(type.name());
    }

    /** The name a used type is shown by: its number unless names are unmasked. */
    String shown(String typeName) {
        if (unmask) {
            return typeName;
        }
        String number = numbers.get(typeName);
        if (number == null) {
            number = Integer.toString(numbers.size());
            numbers.put(typeName, number);
        }
        return number;
    }

    /** The used types so far; the list grows while the types in it are being described. */
    int count() {
        return queue.size();
    }

    Entity.Type get(int index) {
        return queue.get(index);
    }
}
