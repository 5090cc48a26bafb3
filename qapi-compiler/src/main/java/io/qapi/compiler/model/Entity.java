package io.qapi.compiler.model;

import io.qapi.compiler.source.SourceInfo;
import io.qapi.compiler.vocabulary.DocComment;
import io.qapi.compiler.vocabulary.IfCond;
import java.util.List;

/**
 * The semantic model of a checked schema. Every entity is an immutable record; references
 * between entities are by name and resolved through {@link Schema}, which keeps recursive
 * types simple. Implicit entities (builtins, arrays, {@code q_obj_*} argument and base types)
 * appear as QEMU creates them.
 */
public sealed interface Entity permits Entity.Include, Entity.Definition {
    /** Where it was defined; {@code null} for builtins. */
    SourceInfo info();

    /** An include directive, kept in the module that contains it. */
    record Include(String module, SourceInfo info) implements Entity {}

    /** A named definition: a type, command or event. */
    sealed interface Definition extends Entity permits Type, Types.Command, Types.Event {
        String name();

        /** The word QAPI uses for its kind: struct, union, enum, alternate, array, built-in, command, event. */
        String meta();

        DocComment doc();

        IfCond ifcond();

        List<Feature> features();

        /** True for entities the schema did not spell out: builtins, arrays, q_obj_* and QType. */
        default boolean implicit() {
            return info() == null;
        }

        default boolean deprecated() {
            return features().stream().anyMatch(f -> f.name().equals("deprecated"));
        }

        default boolean unstable() {
            return features().stream().anyMatch(f -> f.name().equals("unstable"));
        }
    }

    /** The types, which may be used as member, argument and return types. */
    sealed interface Type extends Definition
            permits Types.BuiltinType, Types.EnumType, Types.ArrayType, Types.ObjectType, Types.AlternateType {
        /** The JSON type of its values: string, number, int, boolean, null, value, array or object. */
        String jsonType();
    }
}
