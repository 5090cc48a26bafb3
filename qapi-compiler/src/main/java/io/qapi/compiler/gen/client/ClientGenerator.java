package io.qapi.compiler.gen.client;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.qapi.compiler.gen.Annotations;
import io.qapi.compiler.gen.Commands;
import io.qapi.compiler.gen.GenContext;
import io.qapi.compiler.gen.JavaNames;
import io.qapi.compiler.gen.JavaType;
import io.qapi.compiler.gen.Javadoc;
import io.qapi.compiler.gen.RuntimeNames;
import io.qapi.compiler.gen.TypeMapping;
import io.qapi.compiler.model.Member;
import io.qapi.compiler.model.Types.Command;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.lang.model.element.Modifier;

/**
 * The client interfaces: for each command a method that waits for the reply and one that returns
 * a {@code CompletableFuture}, grouped by schema module ({@code MachineClient}); {@code Client}
 * extends them all. Each is a functional interface over {@code QmpCaller}, so any QMP connection
 * becomes a typed client with {@code Client.over(connection)} or {@code MachineClient.over(...)}.
 * Replies are read leniently: a newer QEMU's additions do not break an older client.
 */
public final class ClientGenerator {
    private static final ClassName CALLER = RuntimeNames.QMP_CALLER;
    private static final ClassName CALLS = RuntimeNames.CALLS;

    private final GenContext ctx;
    private final TypeMapping types;
    private final Map<Command, String> methods = new LinkedHashMap<>();

    /** Claims each command's two method names, once for the whole schema: {@code Client} has them all. */
    public ClientGenerator(GenContext ctx, List<Command> commands) {
        this.ctx = ctx;
        this.types = new TypeMapping(ctx);
        Commands.Methods names = new Commands.Methods(ctx, "call", "over");
        for (Command c : commands) {
            String method = names.claim(c);
            names.claimAsync(c, method + "Async");
            methods.put(c, method);
        }
    }

    // Example: @FunctionalInterface public interface MachineClient extends QmpCaller { ... }
    public TypeSpec.Builder moduleClient(ClassName name, String module, List<Command> commands) {
        TypeSpec.Builder b = callerInterface(name)
                .addJavadoc(
                        "Typed calls of the commands of schema module {@code $L}, over any {@link $T}.\n",
                        module,
                        CALLER);
        for (Command c : commands) {
            addCommand(b, c, methods.get(c));
        }
        return b;
    }

    // Example: @FunctionalInterface public interface Client extends MachineClient, CpuClient { ... }
    public TypeSpec.Builder client(List<ClassName> moduleClients) {
        ClassName name = ClassName.get(ctx.options().basePackage(), "Client");
        return callerInterface(name)
                .addSuperinterfaces(moduleClients)
                .addJavadoc("Typed calls of every command of the schema, over any {@link $T}.\n", CALLER);
    }

    private static TypeSpec.Builder callerInterface(ClassName name) {
        return TypeSpec.interfaceBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(FunctionalInterface.class)
                .addSuperinterface(CALLER)
                .addMethod(MethodSpec.methodBuilder("over")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .addJavadoc("A typed client that sends its commands through {@code caller}.\n")
                        .returns(name)
                        .addParameter(CALLER, "caller")
                        .addStatement("return caller::call")
                        .build());
    }

    private void addCommand(TypeSpec.Builder b, Command c, String method) {
        TypeName result = c.retType() == null
                ? ClassName.get(Void.class)
                : types.of(c.retType()).boxed();
        TypeName future = ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), result);
        CodeBlock doc = Javadoc.forDefinition(c.doc(), c.ifcond());
        CodeBlock decode = c.retType() == null
                ? CodeBlock.of("thenAccept(r -> { })")
                : CodeBlock.of(
                        "thenApply(r -> $L.decode($T.LENIENT, r, $S))",
                        types.of(c.retType()).decoder(),
                        JavaType.INPUT,
                        "");
        List<ParameterSpec> params = new ArrayList<>();
        CodeBlock arguments = CodeBlock.of("null");
        if (c.argType() != null) {
            params.add(ParameterSpec.builder(ctx.classFor(c.argType()), "arguments")
                    .build());
            arguments = CodeBlock.of("arguments.toJson()");
        }
        List<AnnotationSpec> annotations = Annotations.of(ctx, c.features(), c.ifcond());
        // The documentation goes on the waiting form; the future-returning form points to it.
        CodeBlock.Builder asyncDoc = CodeBlock.builder()
                .add("Sends {@code $L} and completes with ", c.name())
                .add(c.retType() == null ? "{@code null} when it succeeds" : "its reply")
                .add(
                        "; see $L.\n",
                        c.argType() == null
                                ? CodeBlock.of("{@link #$N()}", method)
                                : CodeBlock.of("{@link #$N($T)}", method, ctx.classFor(c.argType())));
        if (!c.flags().successResponse() && c.retType() == null) {
            asyncDoc.add("<p>\nQEMU sends no reply when this command succeeds: the future completes only on an "
                    + "error.\n");
        }
        b.addMethod(MethodSpec.methodBuilder(method + "Async")
                .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                .addJavadoc(asyncDoc.build())
                .addAnnotations(annotations)
                .returns(future)
                .addParameters(params)
                .addStatement("return call($S, $L)$Z.$L", c.name(), arguments, decode)
                .build());
        MethodSpec.Builder sync = MethodSpec.methodBuilder(method)
                .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                .addJavadoc(doc)
                .addAnnotations(annotations)
                .addParameters(params);
        CodeBlock asyncCall = CodeBlock.of("$N$L", method + "Async", c.argType() == null ? "()" : "(arguments)");
        if (!c.flags().successResponse() && c.retType() == null) {
            // Nothing comes back on success: waiting would never end.
            sync.addJavadoc("<p>\nThis method sends the command and returns without waiting.\n");
            sync.addStatement("$L", asyncCall);
        } else if (c.retType() == null) {
            sync.addStatement("$T.await($L)", CALLS, asyncCall);
        } else {
            sync.returns(result).addStatement("return $T.await($L)", CALLS, asyncCall);
        }
        b.addMethod(sync.build());
        if (c.argType() != null && !c.flags().boxed() && GenContext.isImplicitArguments(c.argType())) {
            addMandatoryOnly(b, c, method, result, annotations);
        }
    }

    /** For inline arguments: a call that takes the mandatory ones as parameters. */
    private void addMandatoryOnly(
            TypeSpec.Builder b, Command c, String method, TypeName result, List<AnnotationSpec> annotations) {
        List<Member> members = ctx.presentMembers(ctx.object(c.argType()).members());
        List<ParameterSpec> params = new ArrayList<>();
        List<CodeBlock> args = new ArrayList<>();
        for (Member m : members) {
            String javaName = JavaNames.camel(m.name());
            if (m.optional()) {
                args.add(CodeBlock.of("$T.empty()", JavaType.OPTIONAL));
            } else {
                params.add(ParameterSpec.builder(types.of(m.type()).type(), javaName)
                        .build());
                args.add(CodeBlock.of("$N", javaName));
            }
        }
        MethodSpec.Builder m = MethodSpec.methodBuilder(method)
                .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                .addJavadoc(
                        "Calls {@code $L} with its mandatory arguments$L.\n",
                        c.name(),
                        members.stream().anyMatch(Member::optional) ? " only" : "")
                .addAnnotations(annotations)
                .addParameters(params);
        CodeBlock call = CodeBlock.of("$N(new $T($L))", method, ctx.classFor(c.argType()), CodeBlock.join(args, ", "));
        if (c.retType() == null) {
            m.addStatement("$L", call);
        } else {
            m.returns(result).addStatement("return $L", call);
        }
        b.addMethod(m.build());
    }
}
