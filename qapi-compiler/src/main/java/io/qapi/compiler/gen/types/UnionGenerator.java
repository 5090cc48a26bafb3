package io.qapi.compiler.gen.types;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import io.qapi.compiler.gen.Annotations;
import io.qapi.compiler.gen.GenContext;
import io.qapi.compiler.gen.JavaNames;
import io.qapi.compiler.gen.JavaType;
import io.qapi.compiler.gen.Javadoc;
import io.qapi.compiler.gen.JsonMethods;
import io.qapi.compiler.gen.NameScope;
import io.qapi.compiler.gen.TypeMapping;
import io.qapi.compiler.model.Member;
import io.qapi.compiler.model.Types.ObjectType;
import io.qapi.compiler.model.Variant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * A union becomes a record that holds its base members once and its branch once: the branch is
 * a sealed {@code Branch} interface with one small record per branch, holding only that
 * branch's data (the value of its type, or nothing). The discriminator is not stored: the
 * branch gives it. Reading the discriminator or a base member needs no visitor; a
 * {@code Visitor} with a method per branch makes handling every branch a compile-time matter.
 * A branch this code does not know, sent by a newer QEMU, reads as {@code Unrecognized}, which
 * keeps the discriminator as received; the branch's members are kept with the union's other
 * unknown members, so it writes back unchanged.
 */
public final class UnionGenerator {
    static final String UNRECOGNIZED = "Unrecognized";
    private static final String BRANCH = "branch";
    private static final String WIRE_TAG = "wireTag";
    private static final String VALUE = "value";

    private final GenContext ctx;
    private final RecordShape shape;
    private final TypeMapping types;

    public UnionGenerator(GenContext ctx) {
        this.ctx = ctx;
        this.shape = new RecordShape(ctx);
        this.types = new TypeMapping(ctx);
    }

    /**
     * A branch as generated: its record's name, and either the type of its value or (for the
     * wrapper types of older releases' simple unions) members read inline; neither for a branch
     * without members.
     */
    private record Branch(Variant variant, ClassName record, JavaType valueType, List<RecordShape.Component> inline) {
        boolean empty() {
            return valueType == null;
        }
    }

    /** The implicit type older releases wrapped a simple union's branch in: one member, 'data'. */
    private static boolean wrapper(String type) {
        return type.startsWith("q_obj_") && type.endsWith("-wrapper");
    }

    // Example: public record Figure(String name, Figure.Branch branch, Map<String, JsonNode> additionalMembers)
    public TypeSpec.Builder generate(ObjectType union) {
        ClassName name = ctx.classFor(union.name());
        String tagName = union.branches().tag();
        Member tag = union.members().stream()
                .filter(m -> m.name().equals(tagName))
                .findFirst()
                .orElseThrow();
        ClassName tagEnum = ctx.classFor(tag.type());
        NameScope memberScope = shape.scope().reserve(BRANCH, "the union's branch");
        List<RecordShape.Component> all = shape.components(union.members(), memberScope, union.info());
        RecordShape.Component tagComponent = all.stream()
                .filter(c -> c.member().name().equals(tagName))
                .findFirst()
                .orElseThrow();
        List<RecordShape.Component> base =
                all.stream().filter(c -> !c.member().name().equals(tagName)).toList();
        List<Branch> branches = branches(union, name);
        ClassName branchType = name.nestedClass("Branch");
        ClassName visitor = name.nestedClass("Visitor");

        List<ParameterSpec> parameters = new ArrayList<>(shape.parameters(base));
        ParameterSpec kept = parameters.remove(parameters.size() - 1);
        parameters.add(ParameterSpec.builder(branchType, BRANCH).build());
        parameters.add(kept);
        String what = "union '" + union.name() + "'";
        MethodSpec compact = shape.compactConstructor(base, parameters, what).toBuilder()
                .addStatement(
                        "$T.requireNonNull($N, $S)", Objects.class, BRANCH, "the branch of " + what + " is missing")
                .build();
        List<CodeBlock> shortArgs = new ArrayList<>();
        base.forEach(c -> shortArgs.add(CodeBlock.of("$N", c.javaName())));
        shortArgs.add(CodeBlock.of("$N", BRANCH));
        shortArgs.add(CodeBlock.of("$T.of()", JavaType.MAP));

        TypeSpec.Builder b = TypeSpec.recordBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(Javadoc.forDefinition(union.doc(), union.ifcond()))
                .addJavadoc("\n")
                .addJavadoc(RecordShape.params(
                        base, m -> ctx.lookup(m.definedIn()).map(d -> d.doc()).orElse(union.doc())))
                .addJavadoc("@param $N the branch the discriminator selects, with its data\n", BRANCH)
                .addAnnotations(Annotations.of(ctx, union.features(), union.ifcond()))
                .recordConstructor(compact)
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addJavadoc("Creates a value with no additional members.\n")
                        .addParameters(parameters.subList(0, parameters.size() - 1))
                        .addStatement("this($L)", CodeBlock.join(shortArgs, ",$W"))
                        .build());
        if (union.base() != null && !ctx.type(union.base()).implicit()) {
            b.addSuperinterface(StructGenerator.fieldsInterface(ctx.classFor(union.base())));
        }
        b.addField(FieldSpec.builder(
                        ParameterizedTypeName.get(JavaType.DECODER, name),
                        "DECODER",
                        Modifier.PUBLIC,
                        Modifier.STATIC,
                        Modifier.FINAL)
                .addJavadoc("Reads a value; see {@link $T} for the ways of reading.\n", JavaType.INPUT)
                .initializer("(in, json, path) ->$Wread(in.object(json, path), true)")
                .build());
        b.addMethod(MethodSpec.methodBuilder(tagComponent.javaName())
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("The discriminator {@code $L}, which the branch decides.\n", tag.name())
                .addAnnotations(Annotations.of(ctx, tag.features(), tag.ifcond()))
                .returns(tagEnum)
                .addStatement("return $N.$N()", BRANCH, tagComponent.javaName())
                .build());
        b.addMethod(read(name, all, tagComponent, base, branches));
        b.addMethod(JsonMethods.toJson(Modifier.PUBLIC, true));
        b.addMethod(MethodSpec.methodBuilder("writeMembers")
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Writes this value's members into {@code json}: the base members in schema order, then "
                        + "the branch's.\n")
                .addParameter(JavaType.OBJECT_NODE, "json")
                .addCode(baseWrites(all, tagComponent))
                .addStatement("$N.writeMembers(json)", BRANCH)
                .build());
        TypeVariableName r = TypeVariableName.get("R");
        b.addMethod(MethodSpec.methodBuilder("accept")
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Hands the branch to the visitor's method for it.\n")
                .addTypeVariable(r)
                .returns(r)
                .addParameter(ParameterizedTypeName.get(visitor, r), "visitor")
                .addStatement("return $N.accept(visitor)", BRANCH)
                .build());

        TypeSpec.Builder branchInterface = TypeSpec.interfaceBuilder(branchType)
                .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
                .addJavadoc("The data of one branch of {@link $T}.\n", name)
                .addMethod(MethodSpec.methodBuilder(tagComponent.javaName())
                        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                        .addJavadoc("The value of the discriminator that selects this branch.\n")
                        .returns(tagEnum)
                        .build())
                .addMethod(MethodSpec.methodBuilder("writeMembers")
                        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                        .addJavadoc("Writes the branch's members into {@code json}.\n")
                        .addParameter(JavaType.OBJECT_NODE, "json")
                        .build())
                .addMethod(MethodSpec.methodBuilder("accept")
                        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                        .addTypeVariable(r)
                        .returns(r)
                        .addParameter(ParameterizedTypeName.get(visitor, r), "visitor")
                        .build())
                .addMethod(MethodSpec.methodBuilder("tagJson")
                        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                        .addJavadoc("The discriminator as written.\n")
                        .returns(JavaType.JSON_NODE)
                        .addStatement("return $T.enumValue($N())", JavaType.JSON, tagComponent.javaName())
                        .build());
        TypeSpec.Builder v = TypeSpec.interfaceBuilder(visitor)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addTypeVariable(r)
                .addJavadoc("Handles each branch of {@link $T}.\n\n@param <R> the result\n", name);
        for (Branch branch : branches) {
            branchInterface.addPermittedSubclass(branch.record());
            b.addType(branchRecord(branchType, tagComponent, tagEnum, branch));
            v.addMethod(visitMethod(branch.record(), r));
        }
        ClassName unknown = name.nestedClass(UNRECOGNIZED);
        branchInterface.addPermittedSubclass(unknown);
        b.addType(unrecognized(branchType, tagComponent, tagEnum, unknown));
        v.addMethod(visitMethod(unknown, r));
        b.addType(branchInterface.build());
        b.addType(v.build());
        // The record's header is in the scope of its nested types: a branch named like a class the
        // header uses (String, List, Map, Optional) would capture it there.
        List<String> nested = new ArrayList<>(List.of("Branch", "Visitor", UNRECOGNIZED));
        branches.forEach(br -> nested.add(br.record().simpleName()));
        b.alwaysQualify(nested.toArray(String[]::new));
        return b;
    }

    private static MethodSpec visitMethod(ClassName record, TypeVariableName r) {
        return MethodSpec.methodBuilder("visit" + record.simpleName())
                .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .returns(r)
                .addParameter(record, VALUE)
                .build();
    }

    private List<Branch> branches(ObjectType union, ClassName name) {
        Set<String> taken = new HashSet<>(List.of(name.simpleName(), "Visitor", "Branch", UNRECOGNIZED));
        List<Branch> out = new ArrayList<>();
        for (Variant v : union.branches().variants()) {
            if (!ctx.present(v.ifcond())) {
                continue;
            }
            String simple = JavaNames.pascal(v.name());
            while (!taken.add(simple)) {
                simple = simple + "Branch";
            }
            ClassName record = name.nestedClass(simple);
            if (v.type().equals("q_empty")) {
                out.add(new Branch(v, record, null, List.of()));
            } else if (wrapper(v.type())) {
                NameScope scope = shape.scope().reserve(VALUE, "a branch's value");
                out.add(new Branch(
                        v, record, null, shape.components(ctx.object(v.type()).members(), scope, union.info())));
            } else {
                out.add(new Branch(v, record, types.of(v.type()), List.of()));
            }
        }
        return out;
    }

    // Example: Shape shape = r.required("shape", Shape.DECODER); ... Branch branch = switch (shape) { ... };
    private MethodSpec read(
            ClassName name,
            List<RecordShape.Component> all,
            RecordShape.Component tag,
            List<RecordShape.Component> base,
            List<Branch> branches) {
        MethodSpec.Builder m = MethodSpec.methodBuilder("read")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("Reads the base members, then the branch the discriminator selects; with {@code whole},\n"
                        + "also checks (or keeps) the members left over.\n")
                .returns(name)
                .addParameter(JavaType.OBJECT_READER, "r")
                .addParameter(boolean.class, "whole");
        List<CodeBlock> reads = shape.reads(all);
        for (int i = 0; i < all.size(); i++) {
            m.addStatement("$T $N = $L", all.get(i).componentType(), all.get(i).javaName(), reads.get(i));
        }
        m.addCode("$T $N = switch ($N) {\n$>", name.nestedClass("Branch"), BRANCH, tag.javaName());
        for (Branch branch : branches) {
            List<CodeBlock> args = new ArrayList<>();
            if (!branch.empty()) {
                args.add(CodeBlock.of("$T.read(r, false)", branch.valueType().type()));
            }
            args.addAll(shape.reads(branch.inline()));
            m.addCode(
                    "case $L -> new $T($L);\n",
                    EnumGenerator.constantName(branch.variant().name()),
                    branch.record(),
                    CodeBlock.join(args, ",$W"));
        }
        m.addCode(
                "default -> new $T(r.rawString($S));\n",
                name.nestedClass(UNRECOGNIZED),
                tag.member().name());
        m.addCode("$<};\n");
        List<CodeBlock> args = new ArrayList<>();
        base.forEach(c -> args.add(CodeBlock.of("$N", c.javaName())));
        args.add(CodeBlock.of("$N", BRANCH));
        args.add(CodeBlock.of("whole ? r.finish() : $T.of()", JavaType.MAP));
        return m.addStatement("return new $T($L)", name, CodeBlock.join(args, ",$W"))
                .build();
    }

    // Example: public record Circle(golden.Circle value) implements Branch { ... }
    private TypeSpec branchRecord(ClassName branchType, RecordShape.Component tag, ClassName tagEnum, Branch branch) {
        List<ParameterSpec> parameters = new ArrayList<>();
        MethodSpec.Builder compact = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
        CodeBlock.Builder writes = CodeBlock.builder();
        if (!branch.empty()) {
            parameters.add(
                    ParameterSpec.builder(branch.valueType().type(), VALUE).build());
            compact.addStatement(
                    "$T.requireNonNull($N, $S)",
                    Objects.class,
                    VALUE,
                    "the value of branch '" + branch.variant().name() + "' is missing");
            writes.addStatement("$N.writeMembers(json)", VALUE);
        }
        if (!branch.inline().isEmpty()) {
            List<ParameterSpec> inline = shape.parameters(branch.inline());
            parameters.addAll(inline.subList(0, inline.size() - 1));
            for (RecordShape.Component c : branch.inline()) {
                if (!c.member().optional() && !c.type().primitive()) {
                    compact.addStatement(
                            "$T.requireNonNull($N, $S)",
                            Objects.class,
                            c.javaName(),
                            "mandatory member '" + c.member().name() + "' of branch '"
                                    + branch.variant().name() + "' is missing");
                }
            }
            writes.add(shape.writes(branch.inline()));
        }
        TypeSpec.Builder b = TypeSpec.recordBuilder(branch.record())
                .addModifiers(Modifier.PUBLIC)
                .addSuperinterface(branchType)
                .addJavadoc(
                        "Branch {@code $L}$L.\n",
                        branch.variant().name(),
                        branch.empty() && branch.inline().isEmpty() ? ", which has no members" : "")
                .addAnnotations(Annotations.of(ctx, List.of(), branch.variant().ifcond()))
                .recordConstructor(compact.addParameters(parameters).build());
        b.addMethod(MethodSpec.methodBuilder(tag.javaName())
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(tagEnum)
                .addStatement(
                        "return $T.$L",
                        tagEnum,
                        EnumGenerator.constantName(branch.variant().name()))
                .build());
        b.addMethod(accept(branch.record()));
        b.addMethod(MethodSpec.methodBuilder("writeMembers")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(JavaType.OBJECT_NODE, "json")
                .addCode(writes.build())
                .build());
        return b.build();
    }

    // Example: public record Unrecognized(String wireTag) implements Branch { ... }
    private TypeSpec unrecognized(
            ClassName branchType, RecordShape.Component tag, ClassName tagEnum, ClassName record) {
        return TypeSpec.recordBuilder(record)
                .addModifiers(Modifier.PUBLIC)
                .addSuperinterface(branchType)
                .addJavadoc(
                        "A branch this code does not know, read leniently from a newer peer: {@code $L} is the\n"
                                + "discriminator's value as received; the branch's members are kept with the union's other\n"
                                + "unknown members.\n",
                        WIRE_TAG)
                .recordConstructor(MethodSpec.compactConstructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(String.class, WIRE_TAG)
                        .addStatement(
                                "$T.requireNonNull($N, $S)", Objects.class, WIRE_TAG, "the discriminator is missing")
                        .build())
                .addMethod(MethodSpec.methodBuilder(tag.javaName())
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(tagEnum)
                        .addStatement("return $T.$L", tagEnum, EnumGenerator.UNRECOGNIZED)
                        .build())
                .addMethod(MethodSpec.methodBuilder("tagJson")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(JavaType.JSON_NODE)
                        .addStatement("return $T.string($N)", JavaType.JSON, WIRE_TAG)
                        .build())
                .addMethod(accept(record))
                .addMethod(MethodSpec.methodBuilder("writeMembers")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(JavaType.OBJECT_NODE, "json")
                        .addComment("the branch's members are among the union's kept members")
                        .build())
                .build();
    }

    /** Writing the base members in schema order, the discriminator among them as the branch gives it. */
    private CodeBlock baseWrites(List<RecordShape.Component> all, RecordShape.Component tag) {
        CodeBlock.Builder writes = CodeBlock.builder();
        for (RecordShape.Component c : all) {
            if (c.member().name().equals(tag.member().name())) {
                writes.addStatement("json.set($S, $N.tagJson())", c.member().name(), BRANCH);
            } else {
                writes.add(shape.writes(List.of(c)));
            }
        }
        return writes.build();
    }

    private static MethodSpec accept(ClassName record) {
        TypeVariableName r = TypeVariableName.get("R");
        ClassName visitor = record.enclosingClassName().nestedClass("Visitor");
        return MethodSpec.methodBuilder("accept")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addTypeVariable(r)
                .returns(r)
                .addParameter(ParameterizedTypeName.get(visitor, r), "visitor")
                .addStatement("return visitor.visit$L(this)", record.simpleName())
                .build();
    }
}
