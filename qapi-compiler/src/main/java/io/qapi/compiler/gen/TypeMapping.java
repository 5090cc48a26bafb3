package io.qapi.compiler.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.qapi.compiler.model.Entity;
import io.qapi.compiler.model.Types.ArrayType;
import io.qapi.compiler.model.Types.BuiltinType;
import io.qapi.compiler.model.Types.EnumType;
import java.util.Map;

/**
 * Maps QAPI types to Java. Integers that fit are {@code int}, the others {@code long};
 * {@code uint64} and {@code size} are {@code long} with unsigned meaning (their range checks and
 * JSON reflect that). {@code any} is a Jackson {@code JsonNode}, {@code null} is {@code QNull},
 * arrays are {@code List}s, and every named type is its generated class.
 */
public final class TypeMapping {
    private record Builtin(TypeName type, TypeName boxed, String decoder, String encoder) {}

    private static final Map<String, Builtin> BUILTINS = Map.ofEntries(
            Map.entry("str", new Builtin(ClassName.get(String.class), ClassName.get(String.class), "STR", "string")),
            Map.entry("number", new Builtin(TypeName.DOUBLE, TypeName.DOUBLE.box(), "NUMBER", "number")),
            Map.entry("int", new Builtin(TypeName.LONG, TypeName.LONG.box(), "INT64", "integer")),
            Map.entry("int8", new Builtin(TypeName.INT, TypeName.INT.box(), "INT8", "integer")),
            Map.entry("int16", new Builtin(TypeName.INT, TypeName.INT.box(), "INT16", "integer")),
            Map.entry("int32", new Builtin(TypeName.INT, TypeName.INT.box(), "INT32", "integer")),
            Map.entry("int64", new Builtin(TypeName.LONG, TypeName.LONG.box(), "INT64", "integer")),
            Map.entry("uint8", new Builtin(TypeName.INT, TypeName.INT.box(), "UINT8", "integer")),
            Map.entry("uint16", new Builtin(TypeName.INT, TypeName.INT.box(), "UINT16", "integer")),
            Map.entry("uint32", new Builtin(TypeName.LONG, TypeName.LONG.box(), "UINT32", "integer")),
            Map.entry("uint64", new Builtin(TypeName.LONG, TypeName.LONG.box(), "UINT64", "unsigned")),
            Map.entry("size", new Builtin(TypeName.LONG, TypeName.LONG.box(), "SIZE", "unsigned")),
            Map.entry("bool", new Builtin(TypeName.BOOLEAN, TypeName.BOOLEAN.box(), "BOOL", "bool")),
            Map.entry("any", new Builtin(JavaType.JSON_NODE, JavaType.JSON_NODE, "ANY", null)),
            Map.entry("null", new Builtin(JavaType.QNULL, JavaType.QNULL, "NULL", "nul")));

    private final GenContext ctx;

    public TypeMapping(GenContext ctx) {
        this.ctx = ctx;
    }

    public JavaType of(String qapiType) {
        // Declared, decoded and encoded by kind and class alone: a change inside the type
        // does not reach the files that merely use it.
        Entity.Type type = ctx.typeKind(qapiType);
        if (type instanceof BuiltinType b) {
            return builtin(b.name());
        }
        if (type instanceof ArrayType a) {
            JavaType element = of(a.elementType());
            TypeName list = ParameterizedTypeName.get(JavaType.LIST, element.boxed());
            CodeBlock decoder = CodeBlock.of("$T.listOf($L)", JavaType.OBJECT_READER, element.decoder());
            return new JavaType(
                    list,
                    list,
                    decoder,
                    v -> CodeBlock.of("$T.list($L, e -> $L)", JavaType.JSON, v, element.encode(CodeBlock.of("e"))),
                    false);
        }
        ClassName cls = ctx.classFor(type.name());
        CodeBlock decoder = CodeBlock.of("$T.DECODER", cls);
        if (type instanceof EnumType) {
            return new JavaType(cls, cls, decoder, v -> CodeBlock.of("$T.enumValue($L)", JavaType.JSON, v), false);
        }
        return new JavaType(cls, cls, decoder, v -> CodeBlock.of("$L.toJson()", v), false);
    }

    private static JavaType builtin(String name) {
        Builtin b = BUILTINS.get(name);
        CodeBlock decoder = CodeBlock.of("$T.$L", JavaType.DECODERS, b.decoder());
        if (b.encoder() == null) {
            return new JavaType(b.type(), b.boxed(), decoder, v -> v, false);
        }
        if (name.equals("null")) {
            return new JavaType(b.type(), b.boxed(), decoder, v -> CodeBlock.of("$T.nul()", JavaType.JSON), false);
        }
        return new JavaType(
                b.type(),
                b.boxed(),
                decoder,
                v -> CodeBlock.of("$T.$L($L)", JavaType.JSON, b.encoder(), v),
                b.type().isPrimitive());
    }
}
