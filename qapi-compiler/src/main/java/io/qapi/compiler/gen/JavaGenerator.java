package io.qapi.compiler.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import io.qapi.compiler.diag.Diagnostics;
import io.qapi.compiler.diag.QapiException;
import io.qapi.compiler.gen.GenOptions.Target;
import io.qapi.compiler.gen.client.ClientGenerator;
import io.qapi.compiler.gen.events.EventGenerator;
import io.qapi.compiler.gen.introspect.IntrospectionGenerator;
import io.qapi.compiler.gen.server.ServerGenerator;
import io.qapi.compiler.gen.types.AlternateGenerator;
import io.qapi.compiler.gen.types.EnumGenerator;
import io.qapi.compiler.gen.types.StructGenerator;
import io.qapi.compiler.gen.types.UnionGenerator;
import io.qapi.compiler.model.Entity;
import io.qapi.compiler.model.Entity.Definition;
import io.qapi.compiler.model.Feature;
import io.qapi.compiler.model.Member;
import io.qapi.compiler.model.Module;
import io.qapi.compiler.model.Schema;
import io.qapi.compiler.model.Types.AlternateType;
import io.qapi.compiler.model.Types.Command;
import io.qapi.compiler.model.Types.EnumType;
import io.qapi.compiler.model.Types.Event;
import io.qapi.compiler.model.Types.ObjectType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The Java back end. Layout: the types of each schema module go to a subpackage named after
 * the module ({@code block-core.json} → {@code PKG.block_core}), the root module's to
 * {@code PKG} itself, with {@code Client}, {@code Server}, {@code Dispatcher}, {@code Events},
 * {@code EventEmitter} and {@code Introspection}. Command arguments are records named
 * {@code <Command>Arguments} next to the command; events are {@code <Event>Event} records.
 *
 * <p>Each output kind has its own generator; this class decides what exists (conditions under
 * {@code -D}), claims every Java name first so that collisions are reported with both
 * locations, and stamps each file with its origin.
 */
public final class JavaGenerator {
    private final GenContext ctx;
    private final List<PlannedFile> files = new ArrayList<>();
    private Fingerprints fingerprints;
    private final List<Command> commands = new ArrayList<>();
    /** Per schema module that has commands (in schema order), its commands. */
    private final Map<String, List<Command>> commandsByModule = new LinkedHashMap<>();

    private final List<Event> events = new ArrayList<>();

    private JavaGenerator(Schema schema, GenOptions options, Diagnostics diagnostics) {
        this.ctx = new GenContext(schema, options, diagnostics);
    }

    /** Generates the sources; errors (Java name collisions) go to {@code diagnostics}. */
    public static List<JavaFile> generate(Schema schema, GenOptions options, Diagnostics diagnostics) {
        return plan(schema, options, diagnostics).parallelStream()
                .map(f -> f.build().file())
                .toList();
    }

    /**
     * What {@link #generate} would write, file by file, without building anything yet: each
     * file is built on demand, and knows what its content depends on, so a writer can skip the
     * files whose inputs did not change since it last wrote them. Errors (Java name collisions)
     * go to {@code diagnostics}, and then there is no plan.
     */
    public static List<PlannedFile> plan(Schema schema, GenOptions options, Diagnostics diagnostics) {
        JavaGenerator generator = new JavaGenerator(schema, options, diagnostics);
        try {
            generator.allocate();
            generator.fingerprints = new Fingerprints(schema, generator.ctx.layoutKey());
            generator.run();
        } catch (QapiException | Diagnostics.StopRun e) {
            // Reported to diagnostics; there is no output to speak of.
        }
        return diagnostics.hasErrors() ? List.of() : List.copyOf(generator.files);
    }

    private boolean generated(Definition d) {
        if (!ctx.present(d.ifcond())) {
            return false;
        }
        if (d instanceof EnumType e) {
            return !e.implicit();
        }
        if (d instanceof ObjectType o) {
            return !o.implicit();
        }
        return d instanceof AlternateType || d instanceof Command || d instanceof Event;
    }

    private void allocate() {
        for (Module m : ctx.schema().modules()) {
            String pkg = ctx.packageOf(m.name());
            for (Entity e : m.entities()) {
                if (!(e instanceof Definition d) || !generated(d)) {
                    continue;
                }
                if (d instanceof Command c) {
                    commands.add(c);
                    commandsByModule
                            .computeIfAbsent(m.name(), k -> new ArrayList<>())
                            .add(c);
                    if (GenContext.isImplicitArguments(c.argType())) {
                        ctx.allocate(
                                c.argType(),
                                pkg,
                                GenContext.argumentsName(c.name()),
                                c.info(),
                                "the arguments of command '" + c.name() + "'");
                    }
                } else if (d instanceof Event ev) {
                    events.add(ev);
                    ctx.allocate(
                            ev.name(), pkg, GenContext.eventName(ev.name()), ev.info(), "event '" + ev.name() + "'");
                } else {
                    ctx.allocate(d.name(), pkg, JavaNames.pascal(d.name()), d.info(), d.meta() + " '" + d.name() + "'");
                    if (d instanceof ObjectType o
                            && o.base() != null
                            && !ctx.type(o.base()).implicit()) {
                        ctx.markBase(o.base());
                    }
                }
            }
        }
        for (String base : ctx.bases()) {
            ClassName struct = ctx.classFor(base);
            ctx.allocate(
                    base + " fields",
                    struct.packageName(),
                    struct.simpleName() + "Fields",
                    ctx.type(base).info(),
                    "the interface of struct '" + base + "'");
        }
        String pkg = ctx.options().basePackage();
        for (String fixed :
                List.of("Client", "Server", "ModuleServer", "Dispatcher", "Events", "EventEmitter", "Introspection")) {
            ctx.allocate(" " + fixed, pkg, fixed, null, "the generated " + fixed);
        }
        for (String module : commandsByModule.keySet()) {
            String prefix = moduleClassPrefix(module);
            ctx.allocate(
                    " server " + module,
                    ctx.packageOf(module),
                    prefix + "Server",
                    null,
                    "the server interface of module " + module);
            ctx.allocate(
                    " client " + module,
                    ctx.packageOf(module),
                    prefix + "Client",
                    null,
                    "the client interface of module " + module);
        }
    }

    private void run() {
        GenOptions options = ctx.options();
        if (options.has(Target.TYPES)) {
            types();
        }
        // The generators claim every command's method names across the schema when built, so
        // a module's interface depends on the names of all commands as well as on its own.
        if (options.has(Target.CLIENT)) {
            ClientGenerator client = new ClientGenerator(ctx, commands);
            List<ClassName> modules = new ArrayList<>();
            commandsByModule.forEach((module, its) -> {
                ClassName name = ctx.classFor(" client " + module);
                modules.add(name);
                plan(
                        name,
                        List.of(Fingerprints.moduleCommands(module), Fingerprints.COMMAND_NAMES),
                        () -> file(
                                name.packageName(),
                                client.moduleClient(name, module, its),
                                module + " (its commands)"));
            });
            planTopLevel(
                    "Client", List.of(Fingerprints.COMMAND_NAMES), () -> client.client(modules), "the commands", false);
        }
        if (options.has(Target.SERVER)) {
            ServerGenerator server = new ServerGenerator(ctx, commands);
            Map<ClassName, List<Command>> modules = new LinkedHashMap<>();
            commandsByModule.forEach((module, its) -> {
                ClassName name = ctx.classFor(" server " + module);
                modules.put(name, its);
                plan(
                        name,
                        List.of(Fingerprints.moduleCommands(module), Fingerprints.COMMAND_NAMES),
                        () -> file(
                                name.packageName(),
                                server.moduleServer(name, module, its),
                                module + " (its commands)"));
            });
            planTopLevel("ModuleServer", List.of(), server::moduleMarker, "the commands", false);
            planTopLevel(
                    "Server",
                    List.of(Fingerprints.COMMAND_NAMES),
                    () -> server.server(List.copyOf(modules.keySet())),
                    "the commands",
                    false);
            planTopLevel(
                    "Dispatcher",
                    List.of(Fingerprints.ALL_COMMANDS),
                    () -> server.dispatcher(modules, commands),
                    "the commands",
                    commands.stream().anyMatch(c -> deprecated(c.features())));
        }
        if (options.has(Target.EVENTS)) {
            EventGenerator generator = new EventGenerator(ctx);
            for (Event e : events) {
                ClassName record = ctx.classFor(e.name());
                List<String> seeds = e.argType() == null ? List.of(e.name()) : List.of(e.name(), e.argType());
                plan(
                        record,
                        seeds,
                        () -> file(
                                record.packageName(),
                                generator.record(e),
                                ctx.moduleOf(e.name()) + " (event " + e.name() + ")",
                                e.argType() != null
                                        && hasDeprecatedMember(
                                                ctx.object(e.argType()).members())));
            }
            boolean anyDeprecated = events.stream().anyMatch(e -> deprecated(e.features()));
            planTopLevel(
                    "Events",
                    List.of(Fingerprints.ALL_EVENTS),
                    () -> generator.registry(events),
                    "the events",
                    anyDeprecated);
            planTopLevel(
                    "EventEmitter",
                    List.of(Fingerprints.ALL_EVENTS),
                    () -> generator.emitter(events),
                    "the events",
                    anyDeprecated);
        }
        if (options.has(Target.INTROSPECTION)) {
            planTopLevel(
                    "Introspection",
                    List.of(Fingerprints.WHOLE_SCHEMA),
                    () -> new IntrospectionGenerator(ctx).generate(),
                    "the schema",
                    false);
        }
    }

    /** The types, in schema order; each depends on its own definition and on what it reads. */
    private void types() {
        for (Module m : ctx.schema().modules()) {
            for (Entity e : m.entities()) {
                if (e instanceof Definition d && generated(d)) {
                    type(m, d);
                }
            }
        }
    }

    private void type(Module m, Definition d) {
        String origin = m.name() + " (" + d.meta() + " " + d.name() + ")";
        List<String> seeds = List.of(d.name());
        if (d instanceof EnumType t) {
            ClassName name = ctx.classFor(d.name());
            plan(name, seeds, () -> file(name.packageName(), new EnumGenerator(ctx).generate(t), origin));
        } else if (d instanceof ObjectType o && o.isUnion()) {
            ClassName name = ctx.classFor(d.name());
            plan(
                    name,
                    seeds,
                    () -> file(
                            name.packageName(),
                            new UnionGenerator(ctx).generate(o),
                            origin,
                            switchesOnDeprecated(o) || hasDeprecatedMember(o.members())));
        } else if (d instanceof ObjectType o) {
            ClassName name = ctx.classFor(d.name());
            boolean deprecatedMember = hasDeprecatedMember(o.members());
            plan(
                    name,
                    seeds,
                    () -> file(name.packageName(), new StructGenerator(ctx).struct(o), origin, deprecatedMember));
            if (ctx.isBase(o.name())) {
                plan(
                        ctx.classFor(o.name() + " fields"),
                        seeds,
                        () -> file(name.packageName(), new StructGenerator(ctx).fields(o), origin, deprecatedMember));
            }
        } else if (d instanceof AlternateType a) {
            ClassName name = ctx.classFor(d.name());
            plan(name, seeds, () -> file(name.packageName(), new AlternateGenerator(ctx).generate(a), origin));
        } else if (d instanceof Command c && GenContext.isImplicitArguments(c.argType())) {
            ClassName args = ctx.classFor(c.argType());
            plan(args, List.of(c.name(), c.argType()), () -> {
                ObjectType arg = ctx.object(c.argType());
                return file(
                        args.packageName(),
                        new StructGenerator(ctx)
                                .record(
                                        args,
                                        arg.members(),
                                        null,
                                        member -> c.doc(),
                                        c.ifcond(),
                                        List.of(),
                                        c.info(),
                                        "the arguments of command '" + c.name() + "'",
                                        List.of()),
                        origin,
                        hasDeprecatedMember(arg.members()));
            });
        }
    }

    private void plan(ClassName name, List<String> dependsOn, Supplier<JavaFile> build) {
        files.add(new PlannedFile(name, dependsOn, build, ctx, fingerprints));
    }

    /**
     * A file of the base package built from many definitions (all commands, all events, ...),
     * named by {@code dependsOn}; besides those, it depends on what its generator reads and the layout.
     */
    private void planTopLevel(
            String simpleName,
            List<String> dependsOn,
            Supplier<TypeSpec.Builder> type,
            String origin,
            boolean usesDeprecated) {
        String pkg = ctx.options().basePackage();
        plan(ClassName.get(pkg, simpleName), dependsOn, () -> file(pkg, type.get(), origin, usesDeprecated));
    }

    /**
     * The simple names of the library and JDK classes generated code refers to. A schema may
     * define a type of the same name (QEMU's has a struct {@code String}); in its package those
     * references must be qualified.
     */
    private static final Set<String> FOREIGN = Set.of(
            "String",
            "Object",
            "Integer",
            "Long",
            "Double",
            "Boolean",
            "Void",
            "Override",
            "Deprecated",
            "SuppressWarnings",
            "FunctionalInterface",
            "Map",
            "List",
            "Optional",
            "Objects",
            "ArrayList",
            "CompletableFuture",
            "JsonNode",
            "ObjectNode",
            "Decoder",
            "Decoders",
            "Input",
            "Json",
            "ObjectReader",
            "Records",
            "Enums",
            "Alternates",
            "Generated",
            "QNull",
            "QapiEnum",
            "Unstable",
            "Conditional",
            "Features",
            "Command",
            "EventType",
            "EventSink",
            "QmpCaller",
            "Calls",
            "QmpError");

    /** {@code qapi/block-core.json} → {@code BlockCore}: the module's interfaces are named after its file. */
    static String moduleClassPrefix(String module) {
        String file = module.substring(module.lastIndexOf('/') + 1);
        return JavaNames.pascal(file.endsWith(".json") ? file.substring(0, file.length() - 5) : file);
    }

    private JavaFile file(String packageName, TypeSpec.Builder type, String origin) {
        return file(packageName, type, origin, false);
    }

    /**
     * {@code usesDeprecated}: the file refers to a deprecated element of another class (a
     * deprecated command, event or enum value), which javac would warn about; only then does it
     * carry {@code @SuppressWarnings("deprecation")}.
     */
    private JavaFile file(String packageName, TypeSpec.Builder type, String origin, boolean usesDeprecated) {
        // Looked up, not copied: a package can hold hundreds of names, FOREIGN has a few dozen.
        Set<String> names = ctx.simpleNamesIn(packageName);
        String[] shadowed = FOREIGN.stream().filter(names::contains).sorted().toArray(String[]::new);
        if (shadowed.length > 0) {
            type.alwaysQualify(shadowed);
        }
        TypeSpec stamped = type.addAnnotation(Annotations.generated(origin))
                .addAnnotations(usesDeprecated ? List.of(Annotations.suppressDeprecation()) : List.of())
                .build();
        return JavaFile.builder(packageName, stamped)
                .addFileComment("Generated by qapic from $L. Do not edit.", origin)
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    private boolean deprecated(List<Feature> features) {
        return Annotations.deprecated(ctx, features);
    }

    /**
     * A record component marked {@code @Deprecated} makes javac warn (under "deprecation") that
     * the mark has no effect on the canonical constructor's parameter.
     */
    private boolean hasDeprecatedMember(List<Member> members) {
        return ctx.presentMembers(members).stream().anyMatch(m -> deprecated(m.features()));
    }

    /** A union's read switch names each branch's value of the discriminator enum. */
    private boolean switchesOnDeprecated(ObjectType union) {
        String tag = union.branches().tag();
        return union.members().stream()
                .filter(m -> m.name().equals(tag))
                .findFirst()
                .map(m -> ctx.type(m.type()))
                .filter(t -> t instanceof EnumType)
                .map(t -> ((EnumType) t)
                        .values().stream().anyMatch(v -> ctx.present(v.ifcond()) && deprecated(v.features())))
                .orElse(false);
    }
}
