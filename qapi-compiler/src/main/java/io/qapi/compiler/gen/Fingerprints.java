package io.qapi.compiler.gen;

import io.qapi.compiler.model.Entity;
import io.qapi.compiler.model.Entity.Definition;
import io.qapi.compiler.model.Module;
import io.qapi.compiler.model.Schema;
import io.qapi.compiler.model.Types.ArrayType;
import io.qapi.compiler.model.Types.BuiltinType;
import io.qapi.compiler.model.Types.Command;
import io.qapi.compiler.model.Types.EnumType;
import io.qapi.compiler.model.Types.Event;
import io.qapi.compiler.source.SourceInfo;
import io.qapi.compiler.vocabulary.DocComment;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Fingerprints of what generated files depend on, so that a regeneration can tell which files
 * would change without building them.
 *
 * <p>A definition's fingerprint covers everything the model holds for it except where it was
 * written: adding a line above a definition moves it but does not change its Java, and a
 * fingerprint that counted lines would rebuild every later definition of the file. Besides
 * definitions there are names that stand for more than one, each as narrow as the files that
 * use it allow, so that a change rebuilds only the files whose text it can change:
 * <ul>
 *   <li>{@link #WHOLE_SCHEMA}: every definition ({@code Introspection} describes them all);</li>
 *   <li>{@link #module}: a module's definitions in order;</li>
 *   <li>{@link #moduleCommands}: a module's commands in order (its client and server
 *       interfaces);</li>
 *   <li>{@link #ALL_COMMANDS} and {@link #ALL_EVENTS}: every command, or every event, with its
 *       module ({@code Dispatcher}; {@code Events} and {@code EventEmitter});</li>
 *   <li>{@link #COMMAND_NAMES}: the commands' names and modules only (method names are
 *       claimed across all commands; {@code Client} and {@code Server} extend one interface per
 *       module that has commands);</li>
 *   <li>{@link #kind}: what a type is (a builtin, an array of what, an enum, another named
 *       type) and not what it holds: a member or a result of that type is declared, decoded
 *       and encoded by its kind and class alone.</li>
 * </ul>
 * Every digest also covers the layout (options, all Java names claimed) and the generator
 * itself, so another build of qapic never trusts what an older one wrote.
 */
final class Fingerprints {
    /** Depends on every definition of the schema, in order. */
    static final String WHOLE_SCHEMA = "*";
    /** Depends on the names of the commands and their modules, in schema order. */
    static final String COMMAND_NAMES = "#command-names";
    /** Depends on every command, in full, and its module, in schema order. */
    static final String ALL_COMMANDS = "#commands";
    /** Depends on every event, in full, and its module, in schema order. */
    static final String ALL_EVENTS = "#events";

    private static final String MODULE = "#module:";
    private static final String MODULE_COMMANDS = "#module-commands:";
    private static final String KIND = "#kind:";
    private static final String GENERATOR = generatorIdentity();

    private final Schema schema;
    private final String layout;
    private final Map<String, String> digests = new ConcurrentHashMap<>();

    Fingerprints(Schema schema, String layoutKey) {
        this.schema = schema;
        this.layout = sha(GENERATOR + "\n" + layoutKey);
    }

    /** Depends on every definition of one module, in order. */
    static String module(String module) {
        return MODULE + module;
    }

    /** Depends on the commands of one module, in full, in order. */
    static String moduleCommands(String module) {
        return MODULE_COMMANDS + module;
    }

    /** Depends on what a type is, not on what it holds. */
    static String kind(String type) {
        return KIND + type;
    }

    /** The digest of these names' fingerprints, in this order, under this layout. */
    String digest(Collection<String> names) {
        StringBuilder text = new StringBuilder(layout);
        for (String name : names) {
            text.append('\n').append(name).append('=').append(of(name));
        }
        return sha(text.toString());
    }

    private String of(String name) {
        String known = digests.get(name);
        if (known == null) {
            known = compute(name);
            digests.put(name, known);
        }
        return known;
    }

    private String compute(String name) {
        if (name.equals(WHOLE_SCHEMA)) {
            StringBuilder all = new StringBuilder();
            for (Module m : schema.modules()) {
                all.append(of(module(m.name()))).append('\n');
            }
            return sha(all.toString());
        }
        if (name.equals(COMMAND_NAMES)) {
            return definitions(Command.class, null, d -> d.name());
        }
        if (name.equals(ALL_COMMANDS)) {
            return definitions(Command.class, null, d -> of(d.name()));
        }
        if (name.equals(ALL_EVENTS)) {
            return definitions(Event.class, null, d -> of(d.name()));
        }
        if (name.startsWith(MODULE_COMMANDS)) {
            return definitions(Command.class, name.substring(MODULE_COMMANDS.length()), d -> of(d.name()));
        }
        if (name.startsWith(KIND)) {
            return kindOf(name.substring(KIND.length()));
        }
        if (name.startsWith(MODULE)) {
            String moduleName = name.substring(MODULE.length());
            StringBuilder text = new StringBuilder(moduleName);
            for (Module m : schema.modules()) {
                if (m.name().equals(moduleName)) {
                    for (Entity e : m.entities()) {
                        text.append('\n').append(e instanceof Definition d ? of(d.name()) : canonical(e));
                    }
                }
            }
            return sha(text.toString());
        }
        Optional<Definition> definition = schema.lookup(name);
        return definition.map(d -> sha(canonical(d))).orElse("absent");
    }

    /**
     * The definitions of one kind, of one module or (null) of all, each with its module and
     * what {@code text} says of it, in schema order.
     */
    private String definitions(Class<? extends Definition> kind, String onlyModule, Function<Definition, String> text) {
        StringBuilder all = new StringBuilder();
        for (Module m : schema.modules()) {
            if (onlyModule != null && !m.name().equals(onlyModule)) {
                continue;
            }
            for (Entity e : m.entities()) {
                if (kind.isInstance(e)) {
                    all.append(m.name())
                            .append('\t')
                            .append(text.apply((Definition) e))
                            .append('\n');
                }
            }
        }
        return sha(all.toString());
    }

    /** What a type is: a builtin (which), an array (of what), an enum, or another named type. */
    private String kindOf(String type) {
        Definition t = schema.lookup(type).orElse(null);
        if (t instanceof BuiltinType b) {
            return "builtin " + b.name();
        }
        if (t instanceof ArrayType a) {
            return "array " + a.elementType();
        }
        if (t instanceof EnumType) {
            return "enum";
        }
        return t == null ? "absent" : "named";
    }

    /** A model value as text: records component by component, locations left out. */
    static String canonical(Object value) {
        StringBuilder out = new StringBuilder();
        canonical(value, out);
        return out.toString();
    }

    private static void canonical(Object value, StringBuilder out) {
        if (value == null) {
            out.append('~');
        } else if (value instanceof SourceInfo) {
            out.append('@');
        } else if (value instanceof String s) {
            out.append(s.length()).append('"').append(s);
        } else if (value instanceof Number || value instanceof Boolean || value instanceof Enum<?>) {
            out.append(value);
        } else if (value instanceof Optional<?> o) {
            canonical(o.orElse(null), out);
        } else if (value instanceof Collection<?> c) {
            out.append('[');
            c.forEach(v -> {
                canonical(v, out);
                out.append(',');
            });
            out.append(']');
        } else if (value instanceof Map<?, ?> m) {
            out.append('{');
            m.forEach((k, v) -> {
                canonical(k, out);
                out.append(':');
                canonical(v, out);
                out.append(',');
            });
            out.append('}');
        } else if (value instanceof DocComment doc) {
            // The other views of a comment (by member, by feature, by kind) are drawn from its
            // sections; the sections in order say it all.
            out.append("doc(");
            canonical(doc.symbol(), out);
            canonical(doc.allSections(), out);
            out.append(')');
        } else if (value instanceof Record r) {
            Component[] components = COMPONENTS.get(r.getClass());
            out.append(r.getClass().getSimpleName()).append('(');
            for (Component component : components) {
                out.append(component.name()).append('=');
                canonical(component.read(r), out);
                out.append(';');
            }
            out.append(')');
        } else {
            // A model type this class does not know: refuse rather than fingerprint it loosely.
            throw new IllegalStateException(
                    "cannot fingerprint a " + value.getClass().getName());
        }
    }

    /** A record component and a handle that reads it. */
    private record Component(String name, MethodHandle accessor) {
        Object read(Record r) {
            try {
                return accessor.invokeExact((Object) r);
            } catch (Throwable e) {
                throw new IllegalStateException(
                        "cannot read " + name + " of " + r.getClass().getName(), e);
            }
        }
    }

    /** Each record class's components, looked up once: reflection per value is slow. */
    private static final ClassValue<Component[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Component[] handles = new Component[components.length];
            for (int i = 0; i < components.length; i++) {
                try {
                    var accessor = components[i].getAccessor();
                    accessor.setAccessible(true);
                    handles[i] = new Component(
                            components[i].getName(),
                            MethodHandles.lookup()
                                    .unreflect(accessor)
                                    .asType(MethodType.methodType(Object.class, Object.class)));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + components[i], e);
                }
            }
            return handles;
        }
    };

    static String sha(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The generator's own build: its jar's size and time, or for classes in a directory (a
     * development build) the newest class file. A rebuilt generator may write other Java.
     */
    private static String generatorIdentity() {
        try {
            Path where = Path.of(JavaGenerator.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (Files.isDirectory(where)) {
                try (Stream<Path> classes = Files.walk(where)) {
                    List<Path> all = classes.filter(Files::isRegularFile).toList();
                    long newest = 0;
                    for (Path p : all) {
                        newest = Math.max(newest, Files.getLastModifiedTime(p).toMillis());
                    }
                    return where + " " + all.size() + " " + newest;
                }
            }
            return where + " " + Files.size(where) + " "
                    + Files.getLastModifiedTime(where).toMillis();
        } catch (URISyntaxException | IOException | RuntimeException e) {
            // No identity to compare: a fresh value each run, so nothing written before is trusted.
            return "unknown " + System.nanoTime();
        }
    }
}
