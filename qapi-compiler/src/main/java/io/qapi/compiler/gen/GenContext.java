package io.qapi.compiler.gen;

import com.palantir.javapoet.ClassName;
import io.qapi.compiler.diag.Diagnostics;
import io.qapi.compiler.model.Entity;
import io.qapi.compiler.model.Entity.Definition;
import io.qapi.compiler.model.Feature;
import io.qapi.compiler.model.Member;
import io.qapi.compiler.model.Module;
import io.qapi.compiler.model.Schema;
import io.qapi.compiler.model.Types.ObjectType;
import io.qapi.compiler.source.SourceInfo;
import io.qapi.compiler.vocabulary.IfCond;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What every generator shares: the schema, the options, the Java name of each generated type,
 * and the rule that decides whether a conditional element exists.
 */
public final class GenContext {
    private final Schema schema;
    private final GenOptions options;
    private final Diagnostics diagnostics;
    private final Map<String, String> moduleOf = new HashMap<>();
    private final Map<String, ClassName> classes = new HashMap<>();
    private final NameScope topLevel;
    // One per context, not static: a context notes only what its own generators read, and each
    // recording puts back what it found, so no thread keeps a set once its file is built.
    @SuppressWarnings("ThreadLocalUsage")
    private final ThreadLocal<Set<String>> reads = new ThreadLocal<>();

    public GenContext(Schema schema, GenOptions options, Diagnostics diagnostics) {
        this.schema = schema;
        this.options = options;
        this.diagnostics = diagnostics;
        this.topLevel = new NameScope(diagnostics, "type");
        for (Module m : schema.modules()) {
            for (Entity e : m.entities()) {
                if (e instanceof Definition d) {
                    moduleOf.put(d.name(), m.name());
                }
            }
        }
    }

    public Schema schema() {
        return schema;
    }

    private final Set<String> bases = new HashSet<>();

    /** Records that a struct is the base of another type. */
    public void markBase(String struct) {
        bases.add(struct);
    }

    /** Every struct other types extend. */
    public Set<String> bases() {
        return Collections.unmodifiableSet(bases);
    }

    /** The schema module that defines a name. */
    public String moduleOf(String name) {
        return moduleOf.get(name);
    }

    /** Whether other types extend this struct (then it has a {@code NameFields} interface). */
    public boolean isBase(String struct) {
        return bases.contains(struct);
    }

    public GenOptions options() {
        return options;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    /** Whether an element with this condition is generated. */
    public boolean present(IfCond cond) {
        return options.defines().present(cond);
    }

    public List<Member> presentMembers(List<Member> members) {
        return members.stream().filter(m -> present(m.ifcond())).toList();
    }

    public List<Feature> presentFeatures(List<Feature> features) {
        return features.stream().filter(f -> present(f.ifcond())).toList();
    }

    /** The package for a schema module: the base package for the root, a subpackage otherwise. */
    public String packageOf(String module) {
        if (module == null || module.equals(schema.modules().get(1).name())) {
            return options.basePackage();
        }
        StringBuilder pkg = new StringBuilder(options.basePackage());
        String path = module.endsWith(".json") ? module.substring(0, module.length() - 5) : module;
        for (String part : path.split("/")) {
            if (!part.isEmpty() && !part.equals(".") && !part.equals("..")) {
                pkg.append('.').append(JavaNames.packageSegment(part));
            }
        }
        return pkg.toString();
    }

    public String packageOfDefinition(String name) {
        return packageOf(moduleOf.get(name));
    }

    /** The class generated for a named type, argument type or event; names are claimed once. */
    public ClassName classFor(String qapiName) {
        ClassName known = classes.get(qapiName);
        if (known != null) {
            return known;
        }
        throw new IllegalStateException("no class allocated for " + qapiName);
    }

    /**
     * Claims the Java class name for a definition; two definitions that map to the same class
     * are reported with both locations.
     */
    public ClassName allocate(String qapiName, String packageName, String simpleName, SourceInfo info, String what) {
        ClassName name = ClassName.get(packageName, simpleName);
        topLevel.claim(name.canonicalName(), what, info);
        classes.put(qapiName, name);
        simpleNames.computeIfAbsent(packageName, k -> new HashSet<>()).add(simpleName);
        return name;
    }

    private final Map<String, Set<String>> simpleNames = new HashMap<>();

    /** The simple names of the classes generated into a package. */
    public Set<String> simpleNamesIn(String packageName) {
        return simpleNames.getOrDefault(packageName, Set.of());
    }

    /** The Java simple name of an implicit command argument type. */
    public static String argumentsName(String command) {
        return JavaNames.pascal(command) + "Arguments";
    }

    /** The Java simple name of an event's record. */
    public static String eventName(String event) {
        return JavaNames.pascalFromUpper(event) + "Event";
    }

    /** The implicit object type of a command's or event's inline arguments. */
    public static boolean isImplicitArguments(String typeName) {
        return typeName != null && typeName.startsWith("q_obj_") && typeName.endsWith("-arg");
    }

    /** The type of that name; read by a generator, so the file being built depends on it. */
    public Entity.Type type(String name) {
        read(name);
        return schema.type(name);
    }

    /** The definition of that name, if any; the file being built depends on it. */
    public Optional<Definition> lookup(String name) {
        read(name);
        return schema.lookup(name);
    }

    /**
     * The type of that name, read for what it is and its name only (a builtin, an array of
     * what, an enum, another named type): the file being built depends on its kind, not on
     * its members or documentation, so callers read nothing else from it.
     */
    public Entity.Type typeKind(String name) {
        read(Fingerprints.kind(name));
        return schema.type(name);
    }

    public ObjectType object(String name) {
        return (ObjectType) type(name);
    }

    /**
     * Builds one file's type while noting every definition the generators read by name, so that
     * a later run can tell whether the file would come out the same without building it. Each
     * file is built on one thread; files are built concurrently, so the notes are per thread.
     */
    public <T> Recorded<T> recording(Supplier<T> build) {
        Set<String> outer = reads.get();
        Set<String> names = new LinkedHashSet<>();
        reads.set(names);
        try {
            return new Recorded<>(build.get(), List.copyOf(names));
        } finally {
            reads.set(outer);
        }
    }

    /** What {@link #recording} built, and the names of the definitions it read. */
    public record Recorded<T>(T value, List<String> reads) {}

    private void read(String name) {
        Set<String> names = reads.get();
        if (names != null) {
            names.add(name);
        }
    }

    /**
     * Everything that decides every file's content besides the definitions a file reads: the
     * options, every Java name claimed (a name decides imports and qualification everywhere) and
     * the structs other types extend.
     */
    public String layoutKey() {
        StringBuilder key = new StringBuilder(options.basePackage())
                .append('\n')
                .append(options.targets())
                .append('\n')
                .append(options.defines())
                .append('\n');
        classes.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> key.append(e.getKey())
                        .append('=')
                        .append(e.getValue().canonicalName())
                        .append('\n'));
        bases.stream().sorted().forEach(b -> key.append("base ").append(b).append('\n'));
        return key.toString();
    }
}
