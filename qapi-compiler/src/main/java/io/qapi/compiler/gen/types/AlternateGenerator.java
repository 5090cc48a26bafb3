package io.qapi.compiler.gen.types;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import io.qapi.compiler.gen.Annotations;
import io.qapi.compiler.gen.GenContext;
import io.qapi.compiler.gen.JavaNames;
import io.qapi.compiler.gen.JavaType;
import io.qapi.compiler.gen.Javadoc;
import io.qapi.compiler.gen.RuntimeNames;
import io.qapi.compiler.gen.TypeMapping;
import io.qapi.compiler.model.Entity;
import io.qapi.compiler.model.Types.AlternateType;
import io.qapi.compiler.model.Types.BuiltinType;
import io.qapi.compiler.model.Types.EnumType;
import io.qapi.compiler.model.Variant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * An alternate becomes a sealed interface with one record per branch, each holding the value.
 * Which branch a JSON value is decides its JSON type, as in QEMU: null, string (a string or
 * an enum branch), number, boolean, object, array. In keyval syntax every scalar arrives as a
 * string; then a boolean branch takes on/off, a number branch what parses as a number, and a
 * string branch the rest, which QEMU's rules for alternates keep unambiguous.
 */
public final class AlternateGenerator {
    private final GenContext ctx;
    private final TypeMapping types;

    public AlternateGenerator(GenContext ctx) {
        this.ctx = ctx;
        this.types = new TypeMapping(ctx);
    }

    private record Branch(Variant variant, ClassName record, JavaType type, String kind) {}

    public TypeSpec.Builder generate(AlternateType alternate) {
        ClassName name = ctx.classFor(alternate.name());
        List<Branch> branches = new ArrayList<>();
        Set<String> taken = new HashSet<>(List.of(name.simpleName(), "Visitor"));
        for (Variant v : alternate.variants()) {
            if (!ctx.present(v.ifcond())) {
                continue;
            }
            String simple = JavaNames.pascal(v.name());
            while (!taken.add(simple)) {
                simple = simple + "Branch";
            }
            branches.add(new Branch(v, name.nestedClass(simple), types.of(v.type()), kind(ctx.type(v.type()))));
        }
        TypeVariableName r = TypeVariableName.get("R");
        ClassName visitor = name.nestedClass("Visitor");
        TypeSpec.Builder b = TypeSpec.interfaceBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
                .addJavadoc(Javadoc.forDefinition(alternate.doc(), alternate.ifcond()))
                .addAnnotations(Annotations.of(ctx, alternate.features(), alternate.ifcond()))
                .addMethod(MethodSpec.methodBuilder("toJson")
                        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                        .returns(JavaType.JSON_NODE)
                        .build())
                .addMethod(MethodSpec.methodBuilder("accept")
                        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                        .addTypeVariable(r)
                        .returns(r)
                        .addParameter(ParameterizedTypeName.get(visitor, r), "visitor")
                        .build())
                .addMethod(MethodSpec.methodBuilder("lossy")
                        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                        .addJavadoc("Whether the value is an enum value this code does not know.\n")
                        .returns(boolean.class)
                        .addStatement("return false")
                        .build())
                .addField(FieldSpec.builder(
                                ParameterizedTypeName.get(JavaType.DECODER, name),
                                "DECODER",
                                Modifier.PUBLIC,
                                Modifier.STATIC,
                                Modifier.FINAL)
                        .addJavadoc("Reads a value, choosing the branch by the value's JSON type.\n")
                        .initializer("$T.decoder($T::read, $T::lossy)", RuntimeNames.ALTERNATES, name, name)
                        .build())
                .addMethod(read(alternate, name, branches));
        TypeSpec.Builder v = TypeSpec.interfaceBuilder(visitor)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addTypeVariable(r)
                .addJavadoc("Handles each branch of {@link $T}.\n\n@param <R> the result\n", name);
        for (Branch branch : branches) {
            b.addPermittedSubclass(branch.record());
            b.addType(TypeSpec.recordBuilder(branch.record())
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .addSuperinterface(name)
                    .addJavadoc(
                            "Branch {@code $L} of {@link $T}.\n",
                            branch.variant().name(),
                            name)
                    .addAnnotations(
                            Annotations.of(ctx, List.of(), branch.variant().ifcond()))
                    .recordConstructor(compact(branch))
                    .addMethods(lossy(branch))
                    .addMethod(MethodSpec.methodBuilder("toJson")
                            .addAnnotation(Override.class)
                            .addModifiers(Modifier.PUBLIC)
                            .returns(JavaType.JSON_NODE)
                            .addStatement("return $L", branch.type().encode("value"))
                            .build())
                    .addMethod(MethodSpec.methodBuilder("accept")
                            .addAnnotation(Override.class)
                            .addModifiers(Modifier.PUBLIC)
                            .addTypeVariable(r)
                            .returns(r)
                            .addParameter(ParameterizedTypeName.get(visitor, r), "visitor")
                            .addStatement(
                                    "return visitor.visit$L(this)",
                                    branch.record().simpleName())
                            .build())
                    .build());
            v.addMethod(MethodSpec.methodBuilder("visit" + branch.record().simpleName())
                    .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                    .returns(r)
                    .addParameter(branch.record(), "value")
                    .build());
        }
        b.addType(v.build());
        return b;
    }

    private static MethodSpec compact(Branch branch) {
        MethodSpec.Builder c = MethodSpec.compactConstructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addParameter(branch.type().type(), "value");
        if (!branch.type().primitive()) {
            c.addStatement("$T.requireNonNull(value, $S)", Objects.class, "value");
        }
        if (branch.kind().equals("array")) {
            c.addStatement("value = $T.copyOf(value)", JavaType.LIST);
        }
        return c.build();
    }

    /** An enum branch knows whether its value is one this code does not know. */
    private List<MethodSpec> lossy(Branch branch) {
        if (!(ctx.type(branch.variant().type()) instanceof EnumType)) {
            return List.of();
        }
        return List.of(MethodSpec.methodBuilder("lossy")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(boolean.class)
                .addStatement("return value.unknown()")
                .build());
    }

    /** The JSON type that selects a branch: QEMU's QType of the branch type. */
    private static String kind(Entity.Type type) {
        if (type instanceof BuiltinType b) {
            return switch (b.jsonType()) {
                case "int", "number" -> "number";
                case "boolean" -> "boolean";
                case "null" -> "null";
                default -> "string";
            };
        }
        if (type instanceof EnumType) {
            return "string";
        }
        return type.jsonType().equals("array") ? "array" : "object";
    }

    private MethodSpec read(AlternateType alternate, ClassName name, List<Branch> branches) {
        MethodSpec.Builder m = MethodSpec.methodBuilder("read")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("Reads a value of this alternate; {@code path} names it in error messages.\n")
                .returns(name)
                .addParameter(JavaType.INPUT, "in")
                .addParameter(JavaType.JSON_NODE, "json")
                .addParameter(String.class, "path");
        String[][] order = {
            {"null", "isNull"},
            {"boolean", "isBoolean"},
            {"number", "isNumber"},
            {"string", "isTextual"},
            {"object", "isObject"},
            {"array", "isArray"}
        };
        // Keyval scalars are all strings: a boolean or number branch takes what reads as one.
        CodeBlock.Builder keyval = CodeBlock.builder();
        for (Branch branch : branches) {
            if (branch.kind().equals("boolean") || branch.kind().equals("number")) {
                keyval.beginControlFlow(
                                "if ($T.$L(json))",
                                RuntimeNames.ALTERNATES,
                                branch.kind().equals("boolean") ? "looksBoolean" : "looksNumber")
                        .addStatement(
                                "return new $T($L.decode(in, json, path))",
                                branch.record(),
                                branch.type().decoder())
                        .endControlFlow();
            }
        }
        CodeBlock keyvalScalars = keyval.build();
        if (!keyvalScalars.isEmpty()) {
            m.beginControlFlow("if (in.mode() == $T.Mode.KEYVAL && json.isTextual())", JavaType.INPUT)
                    .addCode(keyvalScalars)
                    .endControlFlow();
        }
        for (String[] kind : order) {
            for (Branch branch : branches) {
                if (branch.kind().equals(kind[0])) {
                    m.beginControlFlow("if (json.$L())", kind[1])
                            .addStatement(
                                    "return new $T($L.decode(in, json, path))",
                                    branch.record(),
                                    branch.type().decoder())
                            .endControlFlow();
                }
            }
        }
        // QEMU names the member alone in this message, not its path.
        m.addStatement("throw in.invalidType($T.bareName(path), $S)", JavaType.INPUT, alternate.name());
        return m.build();
    }
}
