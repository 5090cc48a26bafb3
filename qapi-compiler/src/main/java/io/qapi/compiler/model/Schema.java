package io.qapi.compiler.model;

import io.qapi.compiler.model.Entity.Definition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A checked schema: its modules in creation order, every definition by name, its documentation
 * in reading order, and every feature name it uses.
 */
public record Schema(
        String rootFile,
        List<Module> modules,
        Map<String, Definition> definitions,
        List<Documentation> docs,
        List<String> featureNames) {
    public Schema {
        modules = List.copyOf(modules);
        definitions = Collections.unmodifiableMap(new LinkedHashMap<>(definitions));
        docs = List.copyOf(docs);
        featureNames = List.copyOf(featureNames);
    }

    public Optional<Definition> lookup(String name) {
        return Optional.ofNullable(definitions.get(name));
    }

    /** The type of that name; the model is checked, so a referenced type exists. */
    public Entity.Type type(String name) {
        Definition d = definitions.get(name);
        if (d instanceof Entity.Type t) {
            return t;
        }
        throw new IllegalArgumentException("no type " + name);
    }

    /** Every entity in definition order, module by module. */
    public Stream<Entity> entities() {
        return modules.stream().flatMap(m -> m.entities().stream());
    }
}
