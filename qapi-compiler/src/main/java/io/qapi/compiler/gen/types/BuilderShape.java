package io.qapi.compiler.gen.types;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.qapi.compiler.gen.JavaType;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * A builder for a generated record, so that code names the members it sets and leaves the
 * others out: {@code MachineInfo.builder().name("pc").cpuMax(255).build()}. An optional member
 * not set is absent; a mandatory member not set fails at {@code build()} with a message naming it.
 */
final class BuilderShape {
    static final String BUILDER_CLASS = "Builder";
    static final String BUILDER_METHOD = "builder";
    static final String BUILD_METHOD = "build";

    private BuilderShape() {}

    // Example:
    //   /** Starts a value of this type, with no member set. */
    //   public static Builder builder() { return new Builder(); }
    static MethodSpec builderMethod(ClassName record) {
        return MethodSpec.methodBuilder(BUILDER_METHOD)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("Starts a value of this type with no member set.\n")
                .returns(record.nestedClass(BUILDER_CLASS))
                .addStatement("return new $T()", record.nestedClass(BUILDER_CLASS))
                .build();
    }

    // Example:
    //   public static final class Builder {
    //       private String name;
    //       public Builder name(String name) { this.name = name; return this; }
    //       public MachineInfo build() {
    //           return new MachineInfo(name, Optional.ofNullable(alias), Map.of());
    //       }
    //   }
    static TypeSpec builderClass(ClassName record, List<RecordShape.Component> components, String what) {
        ClassName builder = record.nestedClass(BUILDER_CLASS);
        TypeSpec.Builder b = TypeSpec.classBuilder(builder)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc(
                        "Builds a {@link $T}.\nAn optional member left unset is absent; a mandatory one fails"
                                + " {@code build()}.\n",
                        record);
        b.addMethod(
                MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        List<CodeBlock> args = new ArrayList<>();
        MethodSpec.Builder build = MethodSpec.methodBuilder(BUILD_METHOD)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("The value, checked as its constructor checks it.\n"
                        + "@throws NullPointerException if a mandatory member is not set\n")
                .returns(record);
        for (RecordShape.Component c : components) {
            String n = c.javaName();
            b.addField(FieldSpec.builder(c.type().boxed(), n, Modifier.PRIVATE).build());
            b.addMethod(MethodSpec.methodBuilder(n)
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc(
                            c.member().optional()
                                    ? "Sets optional member {@code $L}; left unset, it is absent.\n"
                                    : "Sets mandatory member {@code $L}.\n",
                            c.member().name())
                    .returns(builder)
                    .addParameter(c.type().type(), n)
                    .addStatement("this.$N = $N", n, n)
                    .addStatement("return this")
                    .build());
            if (c.member().optional()) {
                args.add(CodeBlock.of("$T.ofNullable($N)", JavaType.OPTIONAL, n));
            } else {
                if (c.type().primitive()) {
                    // A primitive component cannot carry the null the constructor would reject.
                    build.beginControlFlow("if ($N == null)", n)
                            .addStatement(
                                    "throw new $T(\n$S)",
                                    NullPointerException.class,
                                    "mandatory member '" + c.member().name() + "' of " + what + " is missing")
                            .endControlFlow();
                }
                args.add(CodeBlock.of("$N", n));
            }
        }
        args.add(CodeBlock.of("$T.of()", JavaType.MAP));
        build.addStatement("return new $T($L)", record, CodeBlock.join(args, ",$W"));
        return b.addMethod(build.build()).build();
    }
}
