package io.qapi.compiler.gen.introspect;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.qapi.compiler.gen.Defines;
import io.qapi.compiler.gen.GenContext;
import io.qapi.compiler.gen.JavaType;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * {@code Introspection}: the answer to {@code query-qmp-schema} for the generated server, as
 * QEMU computes it (with {@code -D} symbols: for a build with exactly those). The JSON is kept
 * as text, in pieces because a class file's string constants are limited to 64 KiB, and
 * parsed on first use.
 */
public final class IntrospectionGenerator {
    private static final int CHUNK = 16_000;

    private final GenContext ctx;

    public IntrospectionGenerator(GenContext ctx) {
        this.ctx = ctx;
    }

    public TypeSpec.Builder generate() {
        Json.Arr reply = ctx.options().defines() instanceof Defines.Exactly build
                ? Introspection.reply(ctx.schema(), false, build.symbols())
                : Introspection.replyWithEverything(ctx.schema(), false);
        String text = JsonWriter.compact(reply);
        List<CodeBlock> pieces = new ArrayList<>();
        for (int i = 0; i < text.length(); i += CHUNK) {
            pieces.add(CodeBlock.of("$S", text.substring(i, Math.min(text.length(), i + CHUNK))));
        }
        ClassName name = ClassName.get(ctx.options().basePackage(), "Introspection");
        ClassName arrayNode = ClassName.get("com.fasterxml.jackson.databind.node", "ArrayNode");
        ClassName mapper = ClassName.get("com.fasterxml.jackson.databind", "ObjectMapper");
        return TypeSpec.classBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc(
                        "The schema as {@code query-qmp-schema} describes it: $L entries, type names masked as "
                                + "QEMU masks them.\n",
                        reply.items().size())
                .addField(FieldSpec.builder(String.class, "JSON", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The reply's value as compact JSON text.\n")
                        .initializer("$T.join($S,\n$L)", String.class, "", CodeBlock.join(pieces, ",\n"))
                        .build())
                .addType(TypeSpec.classBuilder("Parsed")
                        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("Parsed on first use: most servers never get the command.\n")
                        .addField(FieldSpec.builder(arrayNode, "VALUE", Modifier.STATIC, Modifier.FINAL)
                                .initializer("parse()")
                                .build())
                        .addMethod(MethodSpec.methodBuilder("parse")
                                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                                .returns(arrayNode)
                                .beginControlFlow("try")
                                .addStatement("return ($T) new $T().readTree(JSON)", arrayNode, mapper)
                                .nextControlFlow(
                                        "catch ($T e)",
                                        ClassName.get("com.fasterxml.jackson.core", "JsonProcessingException"))
                                .addStatement("throw new $T(e)", IllegalStateException.class)
                                .endControlFlow()
                                .build())
                        .build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .build())
                .addMethod(MethodSpec.methodBuilder("reply")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .addJavadoc("The reply's value, a JSON array of SchemaInfo objects (shared: do not modify).\n")
                        .returns(arrayNode)
                        .addStatement("return Parsed.VALUE")
                        .build())
                .addMethod(MethodSpec.methodBuilder("json")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(JavaType.JSON_NODE)
                        .addJavadoc("A fresh copy of the reply's value.\n")
                        .addStatement("return Parsed.VALUE.deepCopy()")
                        .build());
    }
}
