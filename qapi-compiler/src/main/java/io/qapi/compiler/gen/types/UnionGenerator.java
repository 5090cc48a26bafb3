package io.qapi.compiler.gen.types;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import io.qapi.compiler.gen.Annotations;
import io.qapi.compiler.gen.GenContext;
import io.qapi.compiler.gen.JavaNames;
import io.qapi.compiler.gen.JavaType;
import io.qapi.compiler.gen.JsonMethods;
import io.qapi.compiler.gen.Javadoc;
import io.qapi.compiler.gen.NameScope;
import io.qapi.compiler.gen.TypeMapping;
import io.qapi.compiler.model.Member;
import io.qapi.compiler.model.Types.ObjectType;
import io.qapi.compiler.model.Variant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * A union becomes a sealed interface with one record per branch. Each branch record has the
 * base members except the discriminator, which it derives from its branch, and the branch's
 * value (none for a branch without members). A branch this code does not know, sent by a newer
 * QEMU, reads as {@code Unrecognized}, which keeps everything and writes it back unchanged. A
 * {@code Visitor} with a method per branch makes handling every branch a compile-time matter.
 */
public final class UnionGenerator {
    static final String UNRECOGNIZED = "Unrecognized";
    private static final String WIRE_TAG = "wireTag";

    private final GenContext ctx;
    private final RecordShape shape;
    private final TypeMapping types;

    public UnionGenerator(GenContext ctx) {
        this.ctx = ctx;
        this.shape = new RecordShape(ctx);
        this.types = new TypeMapping(ctx);
    }

    /**
     * A branch as generated: its record's name, and either its value component and type, or
     * (for the wrapper types of older releases' simple unions) members read inline.
     */
    private record Branch(Variant variant, ClassName record, String valueName, JavaType valueType,
                         List<RecordShape.Component> inline) {
        boolean empty() {
            return valueName == null;
        }
    }

    /** The implicit type older releases wrapped a simple union's branch in: one member, 'data'. */
    private static boolean wrapper(String type) {
        return type.startsWith("q_obj_") && type.endsWith("-wrapper");
    }

    public TypeSpec.Builder generate(ObjectType union) {
        ClassName name = ctx.classFor(union.name());
        String tagName = union.branches().tag();
        Member tag = union.members().stream().filter(m -> m.name().equals(tagName)).findFirst().orElseThrow();
        ClassName tagEnum = ctx.classFor(tag.type());
        NameScope memberScope = shape.scope().reserve(WIRE_TAG, "the unknown branch's discriminator");
        List<RecordShape.Component> all = shape.components(union.members(), memberScope, union.info());
        RecordShape.Component tagComponent = all.stream().filter(c -> c.member() == tag).findFirst().orElseThrow();
        List<RecordShape.Component> base = all.stream().filter(c -> c.member() != tag).toList();
        List<Branch> branches = branches(union, name, memberScope);

        TypeSpec.Builder b = TypeSpec.interfaceBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
                .addJavadoc(Javadoc.forDefinition(union.doc(), union.ifcond()))
                .addAnnotations(Annotations.of(ctx, union.features(), union.ifcond()));
        if (union.base() != null && !ctx.schema().type(union.base()).implicit()) {
            b.addSuperinterface(StructGenerator.fieldsInterface(ctx.classFor(union.base())));
        }
        for (RecordShape.Component c : all) {
            b.addMethod(MethodSpec.methodBuilder(c.javaName()).addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                    .returns(c.componentType())
                    .addAnnotations(Annotations.of(ctx, c.member().features(), c.member().ifcond()))
                    .build());
        }
        b.addMethod(abstractMethod(RecordShape.KEPT, JavaType.MEMBERS));
        b.addMethod(JsonMethods.toJson(Modifier.DEFAULT, true));
        b.addMethod(MethodSpec.methodBuilder("writeMembers").addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .addParameter(JavaType.OBJECT_NODE, "json").build());
        TypeVariableName r = TypeVariableName.get("R");
        ClassName visitor = name.nestedClass("Visitor");
        b.addMethod(MethodSpec.methodBuilder("accept").addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .addTypeVariable(r).returns(r)
                .addParameter(ParameterizedTypeName.get(visitor, r), "visitor").build());
        b.addField(FieldSpec.builder(ParameterizedTypeName.get(JavaType.DECODER, name), "DECODER",
                        Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Reads a value; see {@link $T} for the ways of reading.\n", JavaType.INPUT)
                .initializer("(in, json, path) ->$Wread(in.object(json, path), true)").build());
        b.addMethod(read(name, all, tagComponent, tagEnum, base, branches));
        TypeSpec.Builder v = TypeSpec.interfaceBuilder(visitor).addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addTypeVariable(r)
                .addJavadoc("Handles each branch of {@link $T}.\n\n@param <R> the result\n", name);
        for (Branch branch : branches) {
            b.addPermittedSubclass(branch.record());
            b.addType(branchRecord(union, name, all, tagComponent, tagEnum, base, branch));
            v.addMethod(visitMethod(branch.record(), r));
        }
        ClassName unknown = name.nestedClass(UNRECOGNIZED);
        b.addPermittedSubclass(unknown);
        b.addType(unrecognized(union, name, all, tagComponent, tagEnum, base, unknown));
        v.addMethod(visitMethod(unknown, r));
        b.addType(v.build());
        return b;
    }

    private static MethodSpec abstractMethod(String name, TypeName returns) {
        return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT).returns(returns).build();
    }

    private static MethodSpec visitMethod(ClassName record, TypeVariableName r) {
        return MethodSpec.methodBuilder("visit" + record.simpleName()).addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .returns(r).addParameter(record, "value").build();
    }

    private List<Branch> branches(ObjectType union, ClassName name, NameScope memberScope) {
        Set<String> taken = new HashSet<>(List.of(name.simpleName(), "Visitor", UNRECOGNIZED));
        // A branch's value is a component beside the base members; it gets another name if a
        // base member (or a name the record itself uses) has taken the branch's.
        Set<String> memberNames = new HashSet<>(List.of(RecordShape.KEPT, WIRE_TAG));
        for (Member m : ctx.presentMembers(union.members())) {
            memberNames.add(JavaNames.camel(m.name()));
        }
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
                out.add(new Branch(v, record, null, null, List.of()));
                continue;
            }
            if (wrapper(v.type())) {
                List<RecordShape.Component> inline = shape.components(ctx.object(v.type()).members(),
                        shape.scope(), union.info());
                out.add(new Branch(v, record, null, null, inline));
                continue;
            }
            String valueName = JavaNames.camel(v.name());
            if (memberNames.contains(valueName)) {
                valueName = valueName + "Value";
            }
            out.add(new Branch(v, record, valueName, types.of(v.type()), List.of()));
        }
        return out;
    }

    private MethodSpec read(ClassName name, List<RecordShape.Component> all, RecordShape.Component tag,
                            ClassName tagEnum, List<RecordShape.Component> base, List<Branch> branches) {
        MethodSpec.Builder m = MethodSpec.methodBuilder("read").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("Reads the base members, then the branch the discriminator selects; with {@code whole},\n"
                        + "also checks (or keeps) the members left over.\n")
                .returns(name).addParameter(JavaType.OBJECT_READER, "r").addParameter(boolean.class, "whole");
        List<CodeBlock> reads = shape.reads(all);
        for (int i = 0; i < all.size(); i++) {
            m.addStatement("$T $N = $L", all.get(i).componentType(), all.get(i).javaName(), reads.get(i));
        }
        CodeBlock kept = CodeBlock.of("whole ? r.finish() : $T.of()", JavaType.MAP);
        m.addCode("return switch ($N) {\n$>", tag.javaName());
        for (Branch branch : branches) {
            List<CodeBlock> args = new ArrayList<>();
            base.forEach(c -> args.add(CodeBlock.of("$N", c.javaName())));
            if (!branch.empty()) {
                args.add(CodeBlock.of("$T.read(r, false)", branch.valueType().type()));
            }
            args.addAll(shape.reads(branch.inline()));
            args.add(kept);
            m.addCode("case $L -> new $T($L);\n", EnumGenerator.constantName(branch.variant().name()), branch.record(),
                    CodeBlock.join(args, ",$W"));
        }
        List<CodeBlock> args = new ArrayList<>();
        base.forEach(c -> args.add(CodeBlock.of("$N", c.javaName())));
        args.add(CodeBlock.of("r.rawString($S)", tag.member().name()));
        args.add(kept);
        m.addCode("default -> new $T($L);\n", name.nestedClass(UNRECOGNIZED), CodeBlock.join(args, ",$W"));
        m.addCode("$<};\n");
        return m.build();
    }

    private TypeSpec branchRecord(ObjectType union, ClassName name, List<RecordShape.Component> all,
                                  RecordShape.Component tag, ClassName tagEnum, List<RecordShape.Component> base,
                                  Branch branch) {
        List<ParameterSpec> parameters = new ArrayList<>(shape.parameters(base));
        ParameterSpec kept = parameters.remove(parameters.size() - 1);
        List<RecordShape.Component> components = new ArrayList<>(base);
        if (!branch.empty()) {
            parameters.add(ParameterSpec.builder(branch.valueType().type(), branch.valueName()).build());
        }
        for (RecordShape.Component c : branch.inline()) {
            parameters.add(ParameterSpec.builder(c.componentType(), c.javaName()).build());
        }
        components.addAll(branch.inline());
        parameters.add(kept);
        MethodSpec.Builder compact = shape.compactConstructor(components, parameters, "union '" + union.name() + "'")
                .toBuilder();
        if (!branch.empty()) {
            compact.addStatement("$T.requireNonNull($N, $S)", java.util.Objects.class, branch.valueName(),
                    "the value of branch '" + branch.variant().name() + "' is missing");
        }
        CodeBlock tagValue = CodeBlock.of("$T.$L", tagEnum, EnumGenerator.constantName(branch.variant().name()));
        TypeSpec.Builder b = TypeSpec.recordBuilder(branch.record())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addSuperinterface(name)
                .addJavadoc("Branch {@code $L} of {@link $T}.\n", branch.variant().name(), name)
                .addAnnotations(Annotations.of(ctx, List.of(), branch.variant().ifcond()))
                .recordConstructor(compact.build());
        List<CodeBlock> shortArgs = new ArrayList<>();
        base.forEach(c -> shortArgs.add(CodeBlock.of("$N", c.javaName())));
        if (!branch.empty()) {
            shortArgs.add(CodeBlock.of("$N", branch.valueName()));
        }
        branch.inline().forEach(c -> shortArgs.add(CodeBlock.of("$N", c.javaName())));
        shortArgs.add(CodeBlock.of("$T.of()", JavaType.MAP));
        b.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                .addJavadoc("Creates a value with no additional members.\n")
                .addParameters(parameters.subList(0, parameters.size() - 1))
                .addStatement("this($L)", CodeBlock.join(shortArgs, ",$W")).build());
        b.addMethod(MethodSpec.methodBuilder(tag.javaName()).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(tagEnum).addStatement("return $L", tagValue).build());
        b.addMethod(accept(branch.record()));
        CodeBlock.Builder writes = baseWrites(all, tag, CodeBlock.of("$T.enumValue($L)", JavaType.JSON, tagValue));
        if (!branch.empty()) {
            writes.addStatement("$N.writeMembers(json)", branch.valueName());
        }
        writes.add(shape.writes(branch.inline()));
        addWriting(b, writes.build());
        return b.build();
    }

    private TypeSpec unrecognized(ObjectType union, ClassName name, List<RecordShape.Component> all,
                                  RecordShape.Component tag, ClassName tagEnum, List<RecordShape.Component> base,
                                  ClassName record) {
        List<ParameterSpec> parameters = new ArrayList<>(shape.parameters(base));
        ParameterSpec kept = parameters.remove(parameters.size() - 1);
        parameters.add(ParameterSpec.builder(String.class, WIRE_TAG).build());
        parameters.add(kept);
        MethodSpec compact = shape.compactConstructor(base, parameters, "union '" + union.name() + "'").toBuilder()
                .addStatement("$T.requireNonNull($N, $S)", java.util.Objects.class, WIRE_TAG, "the discriminator is missing")
                .build();
        TypeSpec.Builder b = TypeSpec.recordBuilder(record)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addSuperinterface(name)
                .addJavadoc("A branch this code does not know, read leniently from a newer peer: {@code $L} is the\n"
                        + "discriminator's value as received, and every member of the branch is kept in {@code $L}.\n",
                        WIRE_TAG, RecordShape.KEPT)
                .recordConstructor(compact);
        b.addMethod(MethodSpec.methodBuilder(tag.javaName()).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(tagEnum).addStatement("return $T.$L", tagEnum, EnumGenerator.UNRECOGNIZED).build());
        b.addMethod(accept(record));
        addWriting(b, baseWrites(all, tag, CodeBlock.of("$T.string($N)", JavaType.JSON, WIRE_TAG)).build());
        return b.build();
    }

    /** Writing the base members in schema order, the tag among them as {@code tagJson}. */
    private CodeBlock.Builder baseWrites(List<RecordShape.Component> all, RecordShape.Component tag, CodeBlock tagJson) {
        CodeBlock.Builder writes = CodeBlock.builder();
        for (RecordShape.Component c : all) {
            if (c == tag) {
                writes.addStatement("json.set($S, $L)", c.member().name(), tagJson);
            } else {
                writes.add(shape.writes(List.of(c)));
            }
        }
        return writes;
    }

    private static MethodSpec accept(ClassName record) {
        TypeVariableName r = TypeVariableName.get("R");
        ClassName visitor = record.enclosingClassName().nestedClass("Visitor");
        return MethodSpec.methodBuilder("accept").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .addTypeVariable(r).returns(r).addParameter(ParameterizedTypeName.get(visitor, r), "visitor")
                .addStatement("return visitor.visit$L(this)", record.simpleName()).build();
    }

    private static void addWriting(TypeSpec.Builder b, CodeBlock writes) {
        b.addMethod(MethodSpec.methodBuilder("writeMembers").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .addParameter(JavaType.OBJECT_NODE, "json").addCode(writes).build());
    }
}
