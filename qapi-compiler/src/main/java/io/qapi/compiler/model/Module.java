package io.qapi.compiler.model;

import java.util.List;

/**
 * The entities one schema file defines, in definition order. {@code ./builtin} holds the
 * builtin types; an array lives in its element type's module.
 *
 * @param name the file relative to the root schema's directory, or {@code ./builtin}
 */
public record Module(String name, List<Entity> entities) {
    public static final String BUILTIN = "./builtin";

    public Module {
        entities = List.copyOf(entities);
    }
}
