package io.qapi.compiler.gen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.qapi.compiler.model.Feature;
import io.qapi.compiler.vocabulary.IfCond;
import java.util.ArrayList;
import java.util.List;

/** The annotations generated code carries for features, conditions and its origin. */
public final class Annotations {
    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    private static final ClassName UNSTABLE = RuntimeNames.UNSTABLE;
    private static final ClassName CONDITIONAL = RuntimeNames.CONDITIONAL;
    private static final ClassName FEATURES = RuntimeNames.FEATURES;

    private Annotations() {}

    public static AnnotationSpec generated(String source) {
        return AnnotationSpec.builder(GENERATED)
                .addMember("value", "$S", "io.qapi.compiler")
                .addMember("comments", "$S", "from " + source)
                .build();
    }

    /** Generated code refers to deprecated schema elements by design; that is not worth a warning. */
    public static AnnotationSpec suppressDeprecation() {
        return AnnotationSpec.builder(SuppressWarnings.class)
                .addMember("value", "$S", "deprecation")
                .build();
    }

    /** Whether {@code features}, as far as they are present, mark the element deprecated ({@code @Deprecated}). */
    public static boolean deprecated(GenContext ctx, List<Feature> features) {
        return ctx.presentFeatures(features).stream().anyMatch(f -> f.name().equals("deprecated"));
    }

    /**
     * {@code @Deprecated} and {@code @Unstable} for the special features, {@code @Features} with
     * every feature, and {@code @Conditional} without -D symbols.
     */
    public static List<AnnotationSpec> of(GenContext ctx, List<Feature> features, IfCond cond) {
        List<AnnotationSpec> out = new ArrayList<>();
        List<Feature> present = ctx.presentFeatures(features);
        if (deprecated(ctx, features)) {
            out.add(AnnotationSpec.builder(Deprecated.class).build());
        }
        if (present.stream().anyMatch(f -> f.name().equals("unstable"))) {
            out.add(AnnotationSpec.builder(UNSTABLE).build());
        }
        if (!present.isEmpty()) {
            CodeBlock names = CodeBlock.join(
                    present.stream().map(f -> CodeBlock.of("$S", f.name())).toList(), ", ");
            out.add(AnnotationSpec.builder(FEATURES)
                    .addMember("value", "{$L}", names)
                    .build());
        }
        if (ctx.options().defines() instanceof Defines.Everything && cond.isPresent()) {
            out.add(AnnotationSpec.builder(CONDITIONAL)
                    .addMember("value", "$S", cond.display())
                    .build());
        }
        return out;
    }
}
