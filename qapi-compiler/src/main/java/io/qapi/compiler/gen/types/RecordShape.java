package io.qapi.compiler.gen.types;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.qapi.compiler.gen.Annotations;
import io.qapi.compiler.gen.GenContext;
import io.qapi.compiler.gen.JavaNames;
import io.qapi.compiler.gen.JavaType;
import io.qapi.compiler.gen.Javadoc;
import io.qapi.compiler.gen.JsonMethods;
import io.qapi.compiler.gen.NameScope;
import io.qapi.compiler.gen.RuntimeNames;
import io.qapi.compiler.gen.TypeMapping;
import io.qapi.compiler.model.Member;
import io.qapi.compiler.source.SourceInfo;
import io.qapi.compiler.vocabulary.DocComment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * The parts every generated record shares, whatever it stands for (a struct, a union branch,
 * command arguments, an event): one component per member in schema order, a last component
 * with members kept from a lenient read, a compact constructor that checks what the schema
 * requires, and reading and writing JSON.
 */
final class RecordShape {
    static final String KEPT = "additionalMembers";
    private static final ClassName RECORDS = RuntimeNames.RECORDS;
    private static final ClassName OBJECTS = ClassName.get(Objects.class);

    /** A member as a record component. */
    record Component(Member member, String javaName, JavaType type) {
        TypeName componentType() {
            return member.optional() ? type.optional() : type.type();
        }
    }

    private final GenContext ctx;
    private final TypeMapping types;

    RecordShape(GenContext ctx) {
        this.ctx = ctx;
        this.types = new TypeMapping(ctx);
    }

    /** A scope for component names, with the names generated records use for themselves. */
    NameScope scope() {
        NameScope scope = new NameScope(ctx.diagnostics(), "member");
        // Generated methods, and the parameters and lambda variables that share a scope with
        // components as locals (compact constructors, a union's read) or shadow them (writeMembers).
        for (String reserved : List.of(
                KEPT,
                "toJson",
                "writeMembers",
                "read",
                "DECODER",
                "hashCode",
                "equals",
                "toString",
                "getClass",
                "notify",
                "notifyAll",
                "wait",
                "clone",
                "finalize",
                "accept",
                "lossy",
                "r",
                "whole",
                "json",
                "v",
                BuilderShape.BUILDER_METHOD,
                BuilderShape.BUILD_METHOD)) {
            scope.reserve(reserved, "a name generated code uses");
        }
        return scope;
    }

    List<Component> components(List<Member> members, NameScope scope, SourceInfo info) {
        List<Component> out = new ArrayList<>();
        for (Member m : ctx.presentMembers(members)) {
            String javaName = scope.claim(JavaNames.camel(m.name()), "member '" + m.name() + "'", info);
            out.add(new Component(m, javaName, types.of(m.type())));
        }
        return out;
    }

    /** Record components, the kept-members component last. */
    List<ParameterSpec> parameters(List<Component> components) {
        List<ParameterSpec> out = new ArrayList<>();
        for (Component c : components) {
            ParameterSpec.Builder p = ParameterSpec.builder(c.componentType(), c.javaName());
            List<AnnotationSpec> annotations =
                    Annotations.of(ctx, c.member().features(), c.member().ifcond());
            p.addAnnotations(annotations);
            out.add(p.build());
        }
        out.add(ParameterSpec.builder(JavaType.MEMBERS, KEPT).build());
        return out;
    }

    /**
     * The compact canonical constructor, which also declares the components: mandatory members
     * present, ranges respected, collections immutable.
     */
    MethodSpec compactConstructor(List<Component> components, List<ParameterSpec> parameters, String typeName) {
        MethodSpec.Builder b = MethodSpec.compactConstructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addParameters(parameters);
        for (Component c : components) {
            String n = c.javaName();
            boolean list = c.type().type() instanceof ParameterizedTypeName p
                    && p.rawType().equals(JavaType.LIST);
            String elementRange = list ? range(elementType(c.member().type())) : null;
            if (c.member().optional()) {
                if (list) {
                    b.addStatement("$N = $T.optional($N).map($T::copyOf)", n, RECORDS, n, JavaType.LIST);
                } else {
                    b.addStatement("$N = $T.optional($N)", n, RECORDS, n);
                }
                String range = range(c.member().type());
                if (range != null) {
                    b.addStatement(
                            "$N.ifPresent(v -> $T.checkRange($S, v, $L))",
                            n,
                            RECORDS,
                            c.member().name(),
                            range);
                }
                if (elementRange != null) {
                    b.addStatement(
                            "$N.ifPresent(v -> $T.checkRanges($S, v, $L))",
                            n,
                            RECORDS,
                            c.member().name(),
                            elementRange);
                }
                continue;
            }
            if (!c.type().primitive()) {
                b.addStatement(
                        "$T.requireNonNull($N,$W$S)",
                        OBJECTS,
                        n,
                        "mandatory member '" + c.member().name() + "' of " + typeName + " is missing");
            }
            if (list) {
                b.addStatement("$N = $T.copyOf($N)", n, JavaType.LIST, n);
                if (elementRange != null) {
                    b.addStatement(
                            "$T.checkRanges($S, $N, $L)", RECORDS, c.member().name(), n, elementRange);
                }
            }
            String range = range(c.member().type());
            if (range != null) {
                b.addStatement("$T.checkRange($S, $N, $L)", RECORDS, c.member().name(), n, range);
            }
        }
        b.addStatement("$N = $T.kept($N)", KEPT, RECORDS, KEPT);
        return b.build();
    }

    /** The element type of an array type's name ({@code uint8List} → {@code uint8}). */
    private String elementType(String arrayType) {
        var type = ctx.type(arrayType);
        return type instanceof io.qapi.compiler.model.Types.ArrayType a ? a.elementType() : arrayType;
    }

    static String range(String qapiType) {
        return switch (qapiType) {
            case "int8" -> "-128, 127";
            case "int16" -> "-32768, 32767";
            case "uint8" -> "0, 255";
            case "uint16" -> "0, 65535";
            case "uint32" -> "0L, 4294967295L";
            default -> null;
        };
    }

    /** A constructor without the kept members, for building values in code. */
    MethodSpec shortConstructor(List<Component> components, List<ParameterSpec> parameters) {
        MethodSpec.Builder b = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Creates a value with no additional members.\n")
                .addParameters(parameters.subList(0, parameters.size() - 1));
        List<CodeBlock> args = new ArrayList<>();
        components.forEach(c -> args.add(CodeBlock.of("$N", c.javaName())));
        args.add(CodeBlock.of("$T.of()", JavaType.MAP));
        return b.addStatement("this($L)", CodeBlock.join(args, ",$W")).build();
    }

    /** The reads of each component from reader {@code r}, in order, as constructor arguments. */
    List<CodeBlock> reads(List<Component> components) {
        List<CodeBlock> out = new ArrayList<>();
        for (Component c : components) {
            String how = c.member().optional() ? "optional" : "required";
            out.add(CodeBlock.of(
                    "r.$L($S, $L)", how, c.member().name(), c.type().decoder()));
        }
        return out;
    }

    /** Statements writing each component to {@code json}. */
    CodeBlock writes(List<Component> components) {
        CodeBlock.Builder b = CodeBlock.builder();
        for (Component c : components) {
            if (c.member().optional()) {
                b.addStatement(
                        "$N.ifPresent(v -> json.set($S, $L))",
                        c.javaName(),
                        c.member().name(),
                        c.type().encode("v"));
            } else {
                b.addStatement("json.set($S, $L)", c.member().name(), c.type().encode(c.javaName()));
            }
        }
        return b.build();
    }

    /** {@code DECODER}, {@code read}, {@code toJson} and {@code writeMembers} for a plain record. */
    void addJson(TypeSpec.Builder b, ClassName name, List<Component> components) {
        b.addField(FieldSpec.builder(
                        ParameterizedTypeName.get(JavaType.DECODER, name),
                        "DECODER",
                        Modifier.PUBLIC,
                        Modifier.STATIC,
                        Modifier.FINAL)
                .addJavadoc("Reads a value; see {@link $T} for the ways of reading.\n", JavaType.INPUT)
                .initializer("(in, json, path) ->$Wread(in.object(json, path), true)")
                .build());
        List<CodeBlock> args = reads(components);
        args.add(CodeBlock.of("whole ? r.finish() : $T.of()", JavaType.MAP));
        b.addMethod(MethodSpec.methodBuilder("read")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("Reads this type's members from {@code r}; with {@code whole}, also checks (or keeps) "
                        + "the members left over.\n")
                .returns(name)
                .addParameter(JavaType.OBJECT_READER, "r")
                .addParameter(boolean.class, "whole")
                .addStatement("return new $T($L)", name, CodeBlock.join(args, ",\n        "))
                .build());
        b.addMethod(JsonMethods.toJson(Modifier.PUBLIC, true));
        b.addMethod(MethodSpec.methodBuilder("writeMembers")
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Writes this value's members into {@code json}.\n")
                .addParameter(JavaType.OBJECT_NODE, "json")
                .addCode(writes(components))
                .build());
    }

    /** Javadoc {@code @param}s for the components, each from the comment of the type that declares it. */
    static CodeBlock params(List<Component> components, Function<Member, DocComment> docOf) {
        CodeBlock.Builder b = CodeBlock.builder();
        for (Component c : components) {
            String text = Javadoc.member(docOf.apply(c.member()), c.member().name());
            if (text != null) {
                b.add("@param $L $L\n", c.javaName(), text);
            }
        }
        b.add("@param $L members this code does not know, kept from a lenient read\n", KEPT);
        return b.build();
    }
}
