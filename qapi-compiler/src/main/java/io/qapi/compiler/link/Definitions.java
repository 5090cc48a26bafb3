package io.qapi.compiler.link;

import io.qapi.compiler.diag.Diagnostics;
import io.qapi.compiler.diag.QapiException;
import io.qapi.compiler.model.Entity;
import io.qapi.compiler.model.Entity.Definition;
import io.qapi.compiler.model.Types.ArrayType;
import io.qapi.compiler.source.SourceInfo;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The schema's definitions while it is linked: the entities in definition order, the
 * definitions by name (the first of a name; a second is an error), and what checking adds to
 * a definition as it was declared. Checking completes some records (an object's flattened
 * members and implicit branches, a simple-union wrapper's condition); the completed record
 * replaces the declared one, which stays the key, since two declared records may be equal.
 */
final class Definitions {
    private final Diagnostics diagnostics;
    /** Definitions the expression stage dropped after reporting them. */
    private final Set<String> abandoned;

    private final List<Entity> entities = new ArrayList<>();
    private final Map<String, Definition> byName = new LinkedHashMap<>();
    private final IdentityHashMap<Definition, Definition> completed = new IdentityHashMap<>();

    Definitions(Diagnostics diagnostics, Set<String> abandoned) {
        this.diagnostics = diagnostics;
        this.abandoned = abandoned;
    }

    void include(Entity.Include include) {
        entities.add(include);
    }

    void define(Definition def) {
        entities.add(def);
        Definition other = byName.get(def.name());
        if (other != null) {
            if (other.info() != null) {
                throw diagnostics.error(
                        def.info(),
                        "'" + def.name() + "' is already defined\n" + other.info() + ": previous definition");
            }
            throw diagnostics.error(def.info(), describe(other) + " is already defined");
        }
        byName.put(def.name(), def);
    }

    /** The definition of that name as declared, or null. */
    Definition lookup(String name) {
        return byName.get(name);
    }

    /** QEMU's resolve_type: the type of that name, as declared, or an "uses unknown type" error. */
    Entity.Type resolveType(String name, SourceInfo info, Supplier<String> what) {
        if (byName.get(name) instanceof Entity.Type type) {
            return type;
        }
        if (abandoned.contains(name)) {
            // Its own error was reported; saying that it is unknown would only repeat it.
            throw QapiException.followOn(info, "definition '" + name + "' was dropped");
        }
        throw diagnostics.error(info, what.get() + " uses unknown type '" + name + "'");
    }

    /** Records what checking made of a declared definition. */
    void complete(Definition declared, Definition checked) {
        completed.put(declared, checked);
    }

    /** The definition as checking left it: completed, or as declared. */
    Definition current(Definition declared) {
        return completed.getOrDefault(declared, declared);
    }

    /** Every entity as declared, in definition order. */
    List<Entity> entities() {
        return entities;
    }

    /** Every definition by name, as checking left it; an array takes its element's condition. */
    Map<String, Definition> finished() {
        Map<String, Definition> out = new LinkedHashMap<>();
        byName.forEach((name, def) -> out.put(name, finished(def)));
        return out;
    }

    /** An entity as checking left it. */
    Entity finished(Entity entity) {
        return entity instanceof Definition def ? finished(def) : entity;
    }

    private Definition finished(Definition declared) {
        Definition def = current(declared);
        if (def instanceof ArrayType array) {
            return new ArrayType(
                    array.name(),
                    array.info(),
                    array.elementType(),
                    current(byName.get(array.elementType())).ifcond());
        }
        return def;
    }

    /** QEMU's describe(): "struct type 'T'", "array type ['T']", "command 'c'". */
    static String describe(Definition def) {
        if (def instanceof ArrayType array) {
            return "array type ['" + array.elementType() + "']";
        }
        return def.meta() + (def instanceof Entity.Type ? " type '" : " '") + def.name() + "'";
    }
}
