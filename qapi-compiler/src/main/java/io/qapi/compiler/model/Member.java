package io.qapi.compiler.model;

import io.qapi.compiler.vocabulary.IfCond;
import java.util.List;

/**
 * A member of an object type.
 *
 * @param definedIn the type that declares it (a base's members are declared in the base)
 */
public record Member(
        String name, String type, boolean optional, IfCond ifcond, List<Feature> features, String definedIn) {
    public Member {
        features = List.copyOf(features);
    }
}
