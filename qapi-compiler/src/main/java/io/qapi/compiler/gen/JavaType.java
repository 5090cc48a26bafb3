package io.qapi.compiler.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Java side of a QAPI type: the type a member or parameter has, its boxed form for use in
 * generics, a {@code Decoder} expression, and how a value is written as JSON.
 */
public record JavaType(
        TypeName type, TypeName boxed, CodeBlock decoder, Function<CodeBlock, CodeBlock> encoder, boolean primitive) {

    public static final ClassName DECODERS = RuntimeNames.DECODERS;
    public static final ClassName DECODER = RuntimeNames.DECODER;
    public static final ClassName JSON = RuntimeNames.JSON;
    public static final ClassName INPUT = RuntimeNames.INPUT;
    public static final ClassName OBJECT_READER = RuntimeNames.OBJECT_READER;
    public static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
    public static final ClassName OBJECT_NODE = ClassName.get("com.fasterxml.jackson.databind.node", "ObjectNode");
    public static final ClassName QNULL = RuntimeNames.QNULL;
    public static final ClassName LIST = ClassName.get(List.class);
    public static final ClassName OPTIONAL = ClassName.get(Optional.class);
    public static final ClassName MAP = ClassName.get(Map.class);
    public static final TypeName MEMBERS = ParameterizedTypeName.get(MAP, ClassName.get(String.class), JSON_NODE);

    public CodeBlock encode(CodeBlock value) {
        return encoder.apply(value);
    }

    public CodeBlock encode(String variable) {
        return encoder.apply(CodeBlock.of("$N", variable));
    }

    /** The type of an optional member: {@code Optional} of the boxed type. */
    public TypeName optional() {
        return ParameterizedTypeName.get(OPTIONAL, boxed);
    }
}
