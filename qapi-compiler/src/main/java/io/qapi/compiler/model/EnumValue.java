package io.qapi.compiler.model;

import io.qapi.compiler.vocabulary.IfCond;
import java.util.List;

public record EnumValue(String name, IfCond ifcond, List<Feature> features) {
    public EnumValue {
        features = List.copyOf(features);
    }
}
