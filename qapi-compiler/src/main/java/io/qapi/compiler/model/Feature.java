package io.qapi.compiler.model;

import io.qapi.compiler.vocabulary.IfCond;
import java.util.List;

/** A feature flag of a definition, member or enum value. */
public record Feature(String name, IfCond ifcond) {
    /** The features QEMU gives meaning to: they drive the -compat policy. */
    public static final List<String> SPECIAL = List.of("deprecated", "unstable");

    public boolean special() {
        return SPECIAL.contains(name);
    }
}
