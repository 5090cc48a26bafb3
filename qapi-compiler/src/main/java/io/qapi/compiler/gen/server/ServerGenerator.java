package io.qapi.compiler.gen.server;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.qapi.compiler.gen.Annotations;
import io.qapi.compiler.gen.Commands;
import io.qapi.compiler.gen.GenContext;
import io.qapi.compiler.gen.JavaType;
import io.qapi.compiler.gen.Javadoc;
import io.qapi.compiler.gen.RuntimeNames;
import io.qapi.compiler.gen.TypeMapping;
import io.qapi.compiler.model.Feature;
import io.qapi.compiler.model.Types.Command;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The server side of the commands: {@code Server}, an interface with one method per command for
 * an application to implement, and {@code Dispatcher}, which turns an implementation into the
 * command table a QMP server runs: arguments decoded strictly with QEMU's messages, the result
 * encoded, and each command's flags and features from the schema. Commands the schema marks
 * {@code 'gen': false} get no marshalling: their method takes and returns JSON.
 */
public final class ServerGenerator {
    private static final ClassName COMMAND = RuntimeNames.COMMAND;

    private final GenContext ctx;
    private final TypeMapping types;

    public ServerGenerator(GenContext ctx) {
        this.ctx = ctx;
        this.types = new TypeMapping(ctx);
    }

    private ClassName server() {
        return ClassName.get(ctx.options().basePackage(), "Server");
    }

    public TypeSpec.Builder server(List<Command> commands) {
        TypeSpec.Builder b = TypeSpec.interfaceBuilder(server()).addModifiers(Modifier.PUBLIC)
                .addJavadoc("The commands of the schema, as a server implements them. A method reports failure by "
                        + "throwing a {@link $T}.\n", RuntimeNames.QMP_ERROR);
        Commands.Methods methods = new Commands.Methods(ctx);
        for (Command c : commands) {
            String name = methods.claim(c);
            MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                    .addJavadoc(Javadoc.forDefinition(c.doc(), c.ifcond()))
                    .addAnnotations(Annotations.of(ctx, c.features(), c.ifcond()));
            if (!c.gen()) {
                m.addJavadoc("<p>\nThe schema generates no marshalling for this command: it gets its arguments and "
                        + "gives its result as JSON.\n");
                m.addParameter(JavaType.OBJECT_NODE, "arguments").returns(JavaType.JSON_NODE);
            } else {
                if (c.argType() != null) {
                    m.addParameter(ctx.classFor(c.argType()), "arguments");
                }
                if (c.retType() != null) {
                    m.returns(types.of(c.retType()).type());
                }
            }
            b.addMethod(m.build());
        }
        return b;
    }

    public TypeSpec.Builder dispatcher(List<Command> commands) {
        ClassName name = ClassName.get(ctx.options().basePackage(), "Dispatcher");
        TypeName list = ParameterizedTypeName.get(JavaType.LIST, COMMAND);
        MethodSpec.Builder table = MethodSpec.methodBuilder("commands").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("The command table for {@code server}, in schema order.\n")
                .returns(list).addParameter(server(), "server")
                .addStatement("$T<$T> commands = new $T<>()", List.class, COMMAND, ArrayList.class);
        Commands.Methods methods = new Commands.Methods(ctx);
        for (Command c : commands) {
            table.addStatement("commands.add($L)", command(c, methods.claim(c)));
        }
        table.addStatement("return $T.copyOf(commands)", List.class);
        return TypeSpec.classBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("Turns a {@link $T} into the commands a QMP server runs.\n", server())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(table.build())
                .addField(FieldSpec.builder(String.class, "NO_ARGUMENTS", Modifier.PRIVATE, Modifier.STATIC,
                        Modifier.FINAL).initializer("$S", "").build());
    }

    private CodeBlock command(Command c, String method) {
        CodeBlock features = CodeBlock.join(ctx.presentFeatures(c.features()).stream()
                .map(Feature::name).map(f -> CodeBlock.of("$S", f)).toList(), ", ");
        CodeBlock handler = handler(c, method);
        return CodeBlock.of("new $T($S, $T.of($L), $L, $L, $L,\n    $L)", COMMAND, c.name(), List.class, features,
                c.successResponse(), c.allowOob(), c.allowPreconfig(), handler);
    }

    /** The handler lambda; its body is plain text lines, because it sits inside a statement. */
    private CodeBlock handler(Command c, String method) {
        if (!c.gen()) {
            return CodeBlock.of("(arguments, in) -> server.$N(arguments)", method);
        }
        CodeBlock.Builder body = CodeBlock.builder();
        CodeBlock call;
        if (c.argType() == null) {
            body.add("in.object(arguments, NO_ARGUMENTS).finish();\n");
            call = CodeBlock.of("server.$N()", method);
        } else {
            call = CodeBlock.of("server.$N($T.DECODER.decode(in, arguments, NO_ARGUMENTS))", method,
                    ctx.classFor(c.argType()));
        }
        if (c.retType() == null) {
            body.add("$L;\n", call);
            body.add("return $T.object();\n", JavaType.JSON);
        } else {
            body.add("return $L;\n", types.of(c.retType()).encode(call));
        }
        return CodeBlock.of("(arguments, in) -> {\n$>$L$<}", body.build());
    }
}
