package io.qapi.compiler.gen.types;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.qapi.compiler.gen.Annotations;
import io.qapi.compiler.gen.GenContext;
import io.qapi.compiler.gen.JavaNames;
import io.qapi.compiler.gen.JavaType;
import io.qapi.compiler.gen.Javadoc;
import io.qapi.compiler.gen.NameScope;
import io.qapi.compiler.gen.RuntimeNames;
import io.qapi.compiler.model.EnumValue;
import io.qapi.compiler.model.Types.EnumType;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * An enum becomes a Java enum whose constants carry their wire names. One extra constant,
 * {@code UNRECOGNIZED}, stands for a value a newer QEMU sends that this code does not know;
 * the enclosing object keeps the original so that it is written back unchanged.
 */
public final class EnumGenerator {
    private static final ClassName QAPI_ENUM = RuntimeNames.QAPI_ENUM;
    static final String UNRECOGNIZED = "UNRECOGNIZED";

    private final GenContext ctx;

    public EnumGenerator(GenContext ctx) {
        this.ctx = ctx;
    }

    public TypeSpec.Builder generate(EnumType type) {
        ClassName name = ctx.classFor(type.name());
        List<EnumValue> values =
                type.values().stream().filter(v -> ctx.present(v.ifcond())).toList();
        NameScope constants = new NameScope(ctx.diagnostics(), "constant")
                .reserve(UNRECOGNIZED, "the unknown value")
                .reserve("DECODER", "a generated field")
                .reserve("BY_WIRE_NAME", "a generated field");
        TypeSpec.Builder b = TypeSpec.enumBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .addSuperinterface(QAPI_ENUM)
                .addJavadoc(Javadoc.forDefinition(type.doc(), type.ifcond()))
                .addAnnotations(Annotations.of(ctx, type.features(), type.ifcond()));
        for (EnumValue v : values) {
            String constant = constants.claim(constantName(v.name()), "value '" + v.name() + "'", type.info());
            TypeSpec.Builder body = TypeSpec.anonymousClassBuilder("$S", v.name())
                    .addAnnotations(Annotations.of(ctx, v.features(), v.ifcond()));
            String doc = Javadoc.member(type.doc(), v.name());
            if (doc != null) {
                body.addJavadoc("$L\n", doc);
            }
            b.addEnumConstant(constant, body.build());
        }
        b.addEnumConstant(
                UNRECOGNIZED,
                TypeSpec.anonymousClassBuilder("($T) null", String.class)
                        .addJavadoc("A value this code does not know, received from a newer peer.\n")
                        .build());
        ParameterizedTypeName decoderType = ParameterizedTypeName.get(JavaType.DECODER, name);
        b.addField(FieldSpec.builder(
                        ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), name),
                        "BY_WIRE_NAME",
                        Modifier.PRIVATE,
                        Modifier.STATIC,
                        Modifier.FINAL)
                .initializer("$T.wireNames(values())", RuntimeNames.ENUMS)
                .build());
        b.addField(FieldSpec.builder(decoderType, "DECODER", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Reads a value; see {@link $T}.\n", JavaType.INPUT)
                .initializer("$T.decoder($L::fromWireName,$W$L)", RuntimeNames.ENUMS, name.simpleName(), UNRECOGNIZED)
                .build());
        b.addField(String.class, "wireName", Modifier.PRIVATE, Modifier.FINAL);
        b.addMethod(MethodSpec.constructorBuilder()
                .addParameter(String.class, "wireName")
                .addStatement("this.wireName = wireName")
                .build());
        b.addMethod(MethodSpec.methodBuilder("wireName")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addJavadoc("The value as written on the wire; null for {@link #$L}.\n", UNRECOGNIZED)
                .addStatement("return wireName")
                .build());
        b.addMethod(MethodSpec.methodBuilder("unknown")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(boolean.class)
                .addStatement("return this == $L", UNRECOGNIZED)
                .build());
        b.addMethod(MethodSpec.methodBuilder("fromWireName")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("The constant for a wire name, or null.\n")
                .returns(name)
                .addParameter(String.class, "wireName")
                .addStatement("return BY_WIRE_NAME.get(wireName)")
                .build());
        return b;
    }

    /** The constant of an enum value; the one name taken by the unknown value is avoided. */
    public static String constantName(String value) {
        String name = JavaNames.constant(value);
        return List.of(UNRECOGNIZED, "DECODER", "BY_WIRE_NAME").contains(name) ? name + "_" : name;
    }
}
