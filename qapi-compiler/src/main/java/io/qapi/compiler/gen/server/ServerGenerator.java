package io.qapi.compiler.gen.server;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * The server side of the commands. Each schema module gets an interface with one method per
 * command of that module ({@code MachineServer}); {@code Server} extends them all, for an
 * application that implements the whole schema. {@code Dispatcher} turns implementations into
 * the command table a QMP server runs: arguments decoded strictly with QEMU's messages, the
 * result encoded, and each command's flags and features from the schema. Commands the schema
 * marks {@code 'gen': false} get no marshalling: their method takes and returns JSON.
 */
public final class ServerGenerator {
    private static final ClassName COMMAND = RuntimeNames.COMMAND;
    private static final String QUERY_COMMANDS = "query-commands";
    private static final String CAPABILITIES = "qmp_capabilities";

    private final GenContext ctx;
    private final TypeMapping types;
    private final Map<Command, String> methods;

    /** Claims each command's method name, once for the whole schema: {@code Server} has them all. */
    public ServerGenerator(GenContext ctx, List<Command> commands) {
        this.ctx = ctx;
        this.types = new TypeMapping(ctx);
        Commands.Methods names = new Commands.Methods(ctx);
        Map<Command, String> claimed = new LinkedHashMap<>();
        for (Command c : commands) {
            claimed.put(c, names.claim(c));
        }
        this.methods = claimed;
    }

    private ClassName server() {
        return ClassName.get(ctx.options().basePackage(), "Server");
    }

    /** The marker every module's server interface extends. */
    public static ClassName marker(GenContext ctx) {
        return ClassName.get(ctx.options().basePackage(), "ModuleServer");
    }

    // Example: public interface ModuleServer {}
    public TypeSpec.Builder moduleMarker() {
        return TypeSpec.interfaceBuilder(marker(ctx))
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("A server of one schema module's commands; {@link Dispatcher#of} builds a command table\n"
                        + "from any of them.\n");
    }

    // Example: public interface MachineServer extends ModuleServer { StatusInfo queryStatus(); }
    public TypeSpec.Builder moduleServer(ClassName name, String module, List<Command> commands) {
        TypeSpec.Builder b = TypeSpec.interfaceBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .addSuperinterface(marker(ctx))
                .addJavadoc(
                        "The commands of schema module {@code $L}, as a server implements them.\nA method reports "
                                + "failure by throwing a {@link $T}.\n",
                        module,
                        RuntimeNames.QMP_ERROR);
        for (Command c : commands) {
            MethodSpec.Builder m = MethodSpec.methodBuilder(methods.get(c))
                    .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                    .addJavadoc(Javadoc.forDefinition(c.doc(), c.ifcond()))
                    .addAnnotations(Annotations.of(ctx, c.features(), c.ifcond()));
            if (!c.flags().gen()) {
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

    // Example: public interface Server extends MachineServer, CpuServer {}
    public TypeSpec.Builder server(List<ClassName> moduleServers) {
        return TypeSpec.interfaceBuilder(server())
                .addModifiers(Modifier.PUBLIC)
                .addSuperinterfaces(moduleServers)
                .addJavadoc("Every command of the schema, as a server that implements them all does.\nA server of "
                        + "some modules implements their interfaces instead and is run with\n{@link Dispatcher#of}.\n");
    }

    // Example: public static List<Command> commands(Server server) { ...; addMachine(commands, server); ... }
    public TypeSpec.Builder dispatcher(Map<ClassName, List<Command>> byModule, List<Command> all) {
        ClassName name = ClassName.get(ctx.options().basePackage(), "Dispatcher");
        TypeName list = ParameterizedTypeName.get(JavaType.LIST, COMMAND);
        TypeSpec.Builder b = TypeSpec.classBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("Turns servers of the schema's commands into the command table a QMP server runs.\n")
                .addField(FieldSpec.builder(
                                String.class, "NO_ARGUMENTS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$S", "")
                        .build())
                .addField(modules(byModule))
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .build());
        MethodSpec.Builder whole = MethodSpec.methodBuilder("commands")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("The command table of a server of the whole schema, in schema order.\n")
                .returns(list)
                .addParameter(server(), "server")
                .addStatement("$T<$T> commands = new $T<>()", List.class, COMMAND, ArrayList.class);
        for (ClassName module : byModule.keySet()) {
            whole.addStatement("$N(commands, server)", adder(module));
        }
        b.addMethod(whole.addStatement("return $T.copyOf(commands)", List.class).build());
        b.addMethod(of(byModule, all, list));
        b.addMethod(implementation());
        for (Map.Entry<ClassName, List<Command>> e : byModule.entrySet()) {
            b.addMethod(adder(e.getKey(), e.getValue()));
        }
        all.stream().filter(ServerGenerator::isCommandList).findFirst().ifPresent(c -> b.addMethod(commandList(c)));
        return b;
    }

    /** QEMU's {@code query-commands}: no arguments, a list of command descriptions. */
    private static boolean isCommandList(Command c) {
        return c.name().equals(QUERY_COMMANDS)
                && c.argType() == null
                && c.retType() != null
                && c.retType().endsWith("List")
                && c.flags().gen();
    }

    private FieldSpec modules(Map<ClassName, List<Command>> byModule) {
        TypeName moduleClass =
                ParameterizedTypeName.get(ClassName.get(Class.class), WildcardTypeName.subtypeOf(marker(ctx)));
        CodeBlock classes = CodeBlock.join(
                byModule.keySet().stream().map(c -> CodeBlock.of("$T.class", c)).toList(), ",\n");
        return FieldSpec.builder(
                        ParameterizedTypeName.get(JavaType.LIST, moduleClass),
                        "MODULES",
                        Modifier.PRIVATE,
                        Modifier.STATIC,
                        Modifier.FINAL)
                .initializer("$T.of(\n$>$L$<)", List.class, classes)
                .build();
    }

    // Example: MachineServer machine = implementation(MachineServer.class, servers); if (machine != null) ...
    private MethodSpec of(Map<ClassName, List<Command>> byModule, List<Command> all, TypeName list) {
        MethodSpec.Builder m = MethodSpec.methodBuilder("of")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .varargs()
                .addJavadoc("The command table of the schema modules that {@code servers} implement, in schema order.\n"
                        + "A command of a module that none implements is not in it, so the QMP server answers it\n"
                        + "{@code CommandNotFound} as QEMU answers a command it does not have.")
                .addJavadoc(
                        all.stream().anyMatch(ServerGenerator::isCommandList)
                                ? "\nUnless a server implements {@code query-commands}, the table lists itself with it.\n"
                                : "\n")
                .addJavadoc("@throws IllegalArgumentException if two servers implement the same module, or a server\n"
                        + "    implements none\n")
                .returns(list)
                .addParameter(markerArray(), "servers")
                .beginControlFlow("for ($T server : servers)", marker(ctx))
                .addStatement("$T.requireNonNull(server, $S)", Objects.class, "server")
                .beginControlFlow("if (MODULES.stream().noneMatch(module -> module.isInstance(server)))")
                .addStatement(
                        "throw new $T(\nserver.getClass().getName() + $S)",
                        IllegalArgumentException.class,
                        " implements no module's server interface")
                .endControlFlow()
                .endControlFlow()
                .addStatement("$T<$T> commands = new $T<>()", List.class, COMMAND, ArrayList.class);
        int index = 0;
        for (ClassName module : byModule.keySet()) {
            String local = "module" + index++;
            m.addStatement("$T $N = implementation($T.class, servers)", module, local, module)
                    .beginControlFlow("if ($N != null)", local)
                    .addStatement("$N(commands, $N)", adder(module), local)
                    .endControlFlow();
        }
        if (all.stream().anyMatch(ServerGenerator::isCommandList)) {
            m.beginControlFlow("if (commands.stream().noneMatch(c -> c.name().equals($S)))", QUERY_COMMANDS)
                    .addStatement("commands.add(commandList($T.copyOf(commands)))", List.class)
                    .endControlFlow();
        }
        return m.addStatement("return $T.copyOf(commands)", List.class).build();
    }

    private TypeName markerArray() {
        return ArrayTypeName.of(marker(ctx));
    }

    // Example: private static <T> T implementation(Class<T> module, ModuleServer... servers)
    private MethodSpec implementation() {
        TypeVariableName t = TypeVariableName.get("T");
        return MethodSpec.methodBuilder("implementation")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addTypeVariable(t)
                .returns(t)
                .varargs()
                .addParameter(ParameterizedTypeName.get(ClassName.get(Class.class), t), "module")
                .addParameter(markerArray(), "servers")
                .addStatement("$T found = null", t)
                .beginControlFlow("for ($T server : servers)", marker(ctx))
                .beginControlFlow("if (module.isInstance(server))")
                .beginControlFlow("if (found != null)")
                .addStatement(
                        "throw new $T($S + module.getSimpleName())",
                        IllegalArgumentException.class,
                        "two servers implement ")
                .endControlFlow()
                .addStatement("found = module.cast(server)")
                .endControlFlow()
                .endControlFlow()
                .addStatement("return found")
                .build();
    }

    private static String adder(ClassName module) {
        return "add" + module.simpleName();
    }

    // Example: private static void addMachineServer(List<Command> commands, MachineServer server)
    private MethodSpec adder(ClassName module, List<Command> commands) {
        MethodSpec.Builder m = MethodSpec.methodBuilder(adder(module))
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(ParameterizedTypeName.get(JavaType.LIST, COMMAND), "commands")
                .addParameter(module, "server");
        for (Command c : commands) {
            m.addStatement("commands.add($L)", command(c, methods.get(c)));
        }
        return m.build();
    }

    // Example: Command.named("query-status").allowPreconfig().handler((arguments, in) -> { ... })
    private CodeBlock command(Command c, String method) {
        return CodeBlock.of("$L.handler($L)", flags(c), handler(c, method));
    }

    private CodeBlock flags(Command c) {
        CodeBlock.Builder b = CodeBlock.builder().add("$T.named($S)", COMMAND, c.name());
        List<CodeBlock> features = ctx.presentFeatures(c.features()).stream()
                .map(Feature::name)
                .map(f -> CodeBlock.of("$S", f))
                .toList();
        if (!features.isEmpty()) {
            b.add(".features($L)", CodeBlock.join(features, ", "));
        }
        if (!c.flags().successResponse()) {
            b.add(".noSuccessResponse()");
        }
        if (c.flags().allowOob()) {
            b.add(".allowOob()");
        }
        if (c.flags().allowPreconfig()) {
            b.add(".allowPreconfig()");
        }
        if (c.flags().coroutine()) {
            b.add(".coroutine()");
        }
        return b.build();
    }

    /** The handler lambda; its body is plain text lines, because it sits inside a statement. */
    private CodeBlock handler(Command c, String method) {
        if (!c.flags().gen()) {
            return CodeBlock.of("(arguments, in) -> server.$N(arguments)", method);
        }
        CodeBlock.Builder body = CodeBlock.builder();
        CodeBlock call;
        if (c.argType() == null) {
            body.add("in.object(arguments, NO_ARGUMENTS).finish();\n");
            call = CodeBlock.of("server.$N()", method);
        } else {
            call = CodeBlock.of(
                    "server.$N($T.DECODER.decode(in, arguments, NO_ARGUMENTS))", method, ctx.classFor(c.argType()));
        }
        if (c.retType() == null) {
            body.add("$L;\n", call);
            body.add("return $T.object();\n", JavaType.JSON);
        } else {
            body.add("return $L;\n", types.of(c.retType()).encode(call));
        }
        return CodeBlock.of("(arguments, in) -> {\n$>$L$<}", body.build());
    }

    // Example: commands.add(Command.named("query-commands").allowPreconfig().handler(... lists the table ...))
    private MethodSpec commandList(Command c) {
        CodeBlock body = CodeBlock.builder()
                .add("in.object(arguments, NO_ARGUMENTS).finish();\n")
                .add("var names = $T.array();\n", JavaType.JSON)
                .add("if (table.stream().noneMatch(t -> t.name().equals($S))) {\n$>", CAPABILITIES)
                .add("names.add($T.object().put($S, $S));\n$<}\n", JavaType.JSON, "name", CAPABILITIES)
                .add("table.forEach(t -> names.add($T.object().put($S, t.name())));\n", JavaType.JSON, "name")
                .add("names.add($T.object().put($S, $S));\n", JavaType.JSON, "name", QUERY_COMMANDS)
                .add("return names;\n")
                .build();
        return MethodSpec.methodBuilder("commandList")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addJavadoc(
                        "{@code $L} of a server that does not implement it: the commands of {@code table}, "
                                + "the protocol's {@code $L}, and itself.\n",
                        QUERY_COMMANDS,
                        CAPABILITIES)
                .returns(COMMAND)
                .addParameter(ParameterizedTypeName.get(JavaType.LIST, COMMAND), "table")
                .addStatement("return $L.handler((arguments, in) -> {\n$>$L$<})", flags(c), body)
                .build();
    }
}
