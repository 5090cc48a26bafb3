package io.qapi.compiler.gen.introspect;

import io.qapi.compiler.vocabulary.IfCond;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A JSON value, immutable, with one addition: an element of an array may be {@link Cond
 * conditional}. QEMU compiles its introspection data into C with {@code #if} around entries,
 * members, branches, enum values and features, so which of them exist is decided by the build,
 * not by the schema; the tree keeps those conditions until {@link #select} settles them.
 */
public sealed interface Json permits Json.Str, Json.Bool, Json.Null, Json.Arr, Json.Obj, Json.Cond {

    record Str(String value) implements Json {}

    record Bool(boolean value) implements Json {}

    enum Null implements Json {
        NULL
    }

    record Arr(List<Json> items) implements Json {
        public Arr {
            items = List.copyOf(items);
        }
    }

    /**
     * An object; its keys are kept sorted, which is the order QEMU writes them in its generated
     * literal, so that output is the same whatever order the members were added in.
     */
    record Obj(Map<String, Json> members) implements Json {
        public Obj {
            members = Collections.unmodifiableMap(new TreeMap<>(members));
        }
    }

    /** An array element that exists only where {@code ifcond} holds. */
    record Cond(IfCond ifcond, Json value) implements Json {
        public Cond {
            if (value instanceof Cond) {
                throw new IllegalArgumentException("nested condition");
            }
        }
    }

    /** A string value. */
    static Json str(String value) {
        return new Str(value);
    }

    /** {@code value}, wrapped in a condition when {@code ifcond} is present. */
    static Json when(IfCond ifcond, Json value) {
        return ifcond.isPresent() ? new Cond(ifcond, value) : value;
    }

    /**
     * This value with every condition settled: an element whose condition {@code holds} keeps
     * its value, any other is left out. The result contains no {@link Cond}.
     */
    default Json select(Predicate<IfCond> holds) {
        if (this instanceof Arr arr) {
            List<Json> kept = new ArrayList<>(arr.items().size());
            for (Json item : arr.items()) {
                if (item instanceof Cond c && !holds.test(c.ifcond())) {
                    continue;
                }
                kept.add((item instanceof Cond c ? c.value() : item).select(holds));
            }
            return new Arr(kept);
        }
        if (this instanceof Obj obj) {
            Map<String, Json> members = new TreeMap<>();
            obj.members().forEach((key, value) -> members.put(key, value.select(holds)));
            return new Obj(members);
        }
        if (this instanceof Cond) {
            throw new IllegalStateException("a condition outside an array");
        }
        return this;
    }
}
