package io.qapi.compiler.link;

import io.qapi.compiler.check.Decl;
import io.qapi.compiler.diag.Diagnostics;
import io.qapi.compiler.diag.QapiException;
import io.qapi.compiler.model.Entity;
import io.qapi.compiler.model.Entity.Definition;
import io.qapi.compiler.model.EnumValue;
import io.qapi.compiler.model.Feature;
import io.qapi.compiler.model.Member;
import io.qapi.compiler.model.Module;
import io.qapi.compiler.model.Schema;
import io.qapi.compiler.model.Types.AlternateType;
import io.qapi.compiler.model.Types.ArrayType;
import io.qapi.compiler.model.Types.Branches;
import io.qapi.compiler.model.Types.BuiltinType;
import io.qapi.compiler.model.Types.Command;
import io.qapi.compiler.model.Types.EnumType;
import io.qapi.compiler.model.Types.Event;
import io.qapi.compiler.model.Types.ObjectType;
import io.qapi.compiler.model.Variant;
import io.qapi.compiler.parse.ParsedSchema;
import io.qapi.compiler.source.SourceInfo;
import io.qapi.compiler.vocabulary.IfCond;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The model stage: defines the entities of checked declarations in QEMU's order (builtins,
 * then per definition the implicit types it creates and the definition itself), as the
 * model's records; then checks them in that order ({@link TypeChecker}), connects
 * documentation, assigns modules, and returns the immutable {@link Schema}.
 */
public final class SchemaBuilder {
    private static final String[][] BUILTINS = {
        {"str", "string"}, {"number", "number"}, {"int", "int"}, {"int8", "int"}, {"int16", "int"},
        {"int32", "int"}, {"int64", "int"}, {"uint8", "int"}, {"uint16", "int"}, {"uint32", "int"},
        {"uint64", "int"}, {"size", "int"}, {"bool", "boolean"}, {"any", "value"}, {"null", "null"},
    };
    private static final int MAX_FEATURES = 64;

    private final Diagnostics diagnostics;
    private final Set<String> abandoned;
    private final Definitions definitions;
    /** Every feature name in the order first used, with where: QEMU limits how many there are. */
    private final Map<String, SourceInfo> featureNames = new LinkedHashMap<>();
    /** Simple-union wrappers that take the condition of the type they wrap (see {@link #wrapperObject}). */
    private final Map<String, String> wrapped = new HashMap<>();

    private final ModuleNames modules;
    private final DocConnector docs;
    private final TypeChecker checker;

    private SchemaBuilder(ParsedSchema parsed, Diagnostics diagnostics, Set<String> abandoned, boolean lenient) {
        this.diagnostics = diagnostics;
        this.abandoned = abandoned;
        this.definitions = new Definitions(diagnostics, abandoned);
        this.modules = new ModuleNames(parsed.rootFile());
        this.docs = new DocConnector(diagnostics, parsed.pragmas(), lenient, parsed.docs(), definitions);
        this.checker = new TypeChecker(definitions, wrapped, diagnostics, parsed.pragmas(), lenient);
        Feature.SPECIAL.forEach(f -> featureNames.put(f, null));
    }

    /**
     * Builds the model, or returns {@code null} when errors were reported. In all-errors mode
     * each definition is checked on its own, so one bad definition does not hide the others.
     */
    public static Schema build(
            ParsedSchema parsed, List<Decl> decls, Set<String> abandoned, Diagnostics diagnostics, boolean lenient) {
        SchemaBuilder builder = new SchemaBuilder(parsed, diagnostics, abandoned, lenient);
        builder.definePredefined();
        for (Decl decl : decls) {
            builder.guard(() -> builder.define(decl));
        }
        return builder.checkAll();
    }

    private void guard(Runnable step) {
        try {
            step.run();
        } catch (QapiException e) {
            // All-errors mode: recorded already; go on with the next definition.
        }
    }

    // ---- definition ----

    private void definePredefined() {
        for (String[] b : BUILTINS) {
            definitions.define(new BuiltinType(b[0], b[1]));
            makeArray(b[0], null);
        }
        definitions.define(object("q_empty", null, IfCond.NONE, null, List.of()));
        List<EnumValue> qtypes = new ArrayList<>();
        for (String v : List.of("none", "qnull", "qnum", "qstring", "qdict", "qlist", "qbool")) {
            qtypes.add(new EnumValue(v, IfCond.NONE, List.of()));
        }
        definitions.define(new EnumType("QType", null, null, IfCond.NONE, List.of(), qtypes, null));
    }

    private void define(Decl decl) {
        if (decl instanceof Decl.Include inc) {
            modules.open(inc.path());
            definitions.include(new Entity.Include(modules.nameOf(inc.path()), inc.info()));
        } else if (decl instanceof Decl.Enumeration e) {
            List<Feature> features = features(e.common().features(), e.info());
            List<EnumValue> values = new ArrayList<>();
            for (Decl.EnumValue v : e.values()) {
                values.add(new EnumValue(v.name(), v.ifcond(), features(v.features(), e.info())));
            }
            definitions.define(new EnumType(
                    e.common().name(), e.info(), e.common().doc(), e.common().ifcond(), features, values, e.prefix()));
        } else if (decl instanceof Decl.Struct s) {
            Decl.Common common = s.common();
            List<Feature> features = features(common.features(), s.info());
            List<Member> members = members(s.members(), s.info(), common.name());
            definitions.define(new ObjectType(
                    common.name(),
                    s.info(),
                    common.doc(),
                    common.ifcond(),
                    features,
                    nonEmpty(s.base()),
                    members,
                    List.of(),
                    null));
        } else if (decl instanceof Decl.Union u) {
            defineUnion(u);
        } else if (decl instanceof Decl.Alternate a) {
            List<Feature> features = features(a.common().features(), a.info());
            List<Variant> variants = variants(a.branches(), a.info());
            definitions.define(new AlternateType(
                    a.common().name(), a.info(), a.common().doc(), a.common().ifcond(), features, variants));
        } else if (decl instanceof Decl.Command c) {
            defineCommand(c);
        } else {
            defineEvent((Decl.Event) decl);
        }
    }

    private void defineUnion(Decl.Union u) {
        if (u.discriminator() == null) {
            defineSimpleUnion(u);
            return;
        }
        Decl.Common common = u.common();
        List<Feature> features = features(common.features(), u.info());
        String base = u.baseName();
        if (u.baseMembers() != null) {
            base = implicitObject(common.name(), u.info(), common.ifcond(), "base", u.baseMembers());
        }
        List<Variant> variants = variants(u.branches(), u.info());
        definitions.define(new ObjectType(
                common.name(),
                u.info(),
                common.doc(),
                common.ifcond(),
                features,
                nonEmpty(base),
                List.of(),
                List.of(),
                new Branches(u.discriminator(), variants)));
    }

    /**
     * A simple union, as QEMU desugared it until 6.1: per branch, in order, the branch type's
     * array if the branch has one and the wrapper object {@code q_obj_TYPE-wrapper} with the
     * single member {@code data}; then the implicit enum {@code UNIONKind} of the branch names;
     * then the union, whose tag is its own member {@code type} of that enum.
     */
    private void defineSimpleUnion(Decl.Union u) {
        Decl.Common common = u.common();
        List<Feature> features = features(common.features(), u.info());
        List<Variant> variants = new ArrayList<>();
        for (Decl.Branch b : u.branches()) {
            String type = b.type().array()
                    ? makeArray(b.type().name(), u.info())
                    : b.type().name();
            variants.add(new Variant(b.name(), wrapperObject(type, u.info()), b.ifcond()));
        }
        List<EnumValue> values = new ArrayList<>();
        for (Variant v : variants) {
            values.add(new EnumValue(v.name(), v.ifcond(), List.of()));
        }
        String kind = common.name() + "Kind";
        definitions.define(new EnumType(kind, u.info(), null, common.ifcond(), List.of(), values, null));
        Member tag = new Member("type", kind, false, IfCond.NONE, List.of(), common.name());
        definitions.define(new ObjectType(
                common.name(),
                u.info(),
                common.doc(),
                common.ifcond(),
                features,
                null,
                List.of(tag),
                List.of(),
                new Branches(tag.name(), variants)));
    }

    /**
     * The wrapper of a simple union branch, shared by every branch of that type. It exists where
     * the wrapped type does, when that type is already defined; QEMU looked the type up right
     * then, so a wrapper of a type defined further on has no condition.
     */
    private String wrapperObject(String type, SourceInfo info) {
        String name = "q_obj_" + type + "-wrapper";
        if (definitions.lookup(name) == null) {
            Member data = new Member("data", type, false, IfCond.NONE, List.of(), name);
            if (definitions.lookup(type) instanceof Entity.Type) {
                wrapped.put(name, type);
            }
            definitions.define(object(name, info, IfCond.NONE, null, List.of(data)));
        }
        return name;
    }

    private void defineCommand(Decl.Command c) {
        Decl.Common common = c.common();
        List<Feature> features = features(common.features(), c.info());
        String arg = c.dataName();
        if (c.dataMembers() != null) {
            arg = implicitObject(common.name(), c.info(), common.ifcond(), "arg", c.dataMembers());
        }
        String ret = null;
        if (c.returns() != null) {
            ret = c.returns().array()
                    ? makeArray(c.returns().name(), c.info())
                    : c.returns().name();
        }
        definitions.define(new Command(
                common.name(),
                c.info(),
                common.doc(),
                common.ifcond(),
                features,
                nonEmpty(arg),
                nonEmpty(ret),
                c.flags()));
    }

    private void defineEvent(Decl.Event e) {
        Decl.Common common = e.common();
        List<Feature> features = features(common.features(), e.info());
        String arg = e.dataName();
        if (e.dataMembers() != null) {
            arg = implicitObject(common.name(), e.info(), common.ifcond(), "arg", e.dataMembers());
        }
        definitions.define(
                new Event(common.name(), e.info(), common.doc(), common.ifcond(), features, nonEmpty(arg), e.boxed()));
    }

    /** An empty name where a type may be named means none. */
    private static String nonEmpty(String name) {
        return name == null || name.isEmpty() ? null : name;
    }

    /** Registers feature names schema-wide (for the 64-feature limit) and returns the definition's. */
    private List<Feature> features(List<Decl.Feature> features, SourceInfo info) {
        if (features == null) {
            return List.of();
        }
        List<Feature> out = new ArrayList<>();
        for (Decl.Feature f : features) {
            featureNames.putIfAbsent(f.name(), info);
            out.add(new Feature(f.name(), f.ifcond()));
        }
        return out;
    }

    private List<Member> members(List<Decl.Member> members, SourceInfo info, String owner) {
        List<Member> out = new ArrayList<>();
        for (Decl.Member m : members) {
            boolean optional = m.name().startsWith("*");
            String name = optional ? m.name().substring(1) : m.name();
            String type = m.type().array()
                    ? makeArray(m.type().name(), info)
                    : m.type().name();
            out.add(new Member(name, type, optional, m.ifcond(), features(m.features(), info), owner));
        }
        return out;
    }

    private List<Variant> variants(List<Decl.Branch> branches, SourceInfo info) {
        List<Variant> out = new ArrayList<>();
        for (Decl.Branch b : branches) {
            String type = b.type().array()
                    ? makeArray(b.type().name(), info)
                    : b.type().name();
            out.add(new Variant(b.name(), type, b.ifcond()));
        }
        return out;
    }

    /** The array type of an element, created at its first use; its condition is the element's, once checked. */
    private String makeArray(String element, SourceInfo info) {
        String name = element + "List";
        if (!(definitions.lookup(name) instanceof Entity.Type)) {
            definitions.define(new ArrayType(name, info, element, IfCond.NONE));
        }
        return name;
    }

    /** {@code q_obj_NAME-ROLE} for inline members, or null when there are none. */
    private String implicitObject(
            String owner, SourceInfo info, IfCond ifcond, String role, List<Decl.Member> declared) {
        String name = "q_obj_" + owner + "-" + role;
        List<Member> members = members(declared, info, name);
        if (members.isEmpty()) {
            return null;
        }
        if (definitions.lookup(name) == null) {
            definitions.define(object(name, info, ifcond, null, members));
        }
        return name;
    }

    /** A struct as declared: its members are its local ones until checking flattens its base in. */
    private static ObjectType object(String name, SourceInfo info, IfCond ifcond, String base, List<Member> members) {
        return new ObjectType(name, info, null, ifcond, List.of(), base, members, List.of(), null);
    }

    // ---- checking ----

    private Schema checkAll() {
        if (diagnostics.hasErrors() && !diagnostics.allErrors()) {
            return null;
        }
        for (Entity entity : definitions.entities()) {
            if (entity instanceof Definition def) {
                try {
                    checker.check(def);
                    docs.connect(def);
                } catch (QapiException e) {
                    // All-errors mode: what its comment describes was not all connected, so
                    // "documented member does not exist" would only follow from this error.
                    docs.abandon(def);
                }
            }
        }
        Map<String, List<Entity>> moduleEntities = assignModules();
        docs.checkAll(abandoned);
        checkFeatureCount();
        if (diagnostics.hasErrors()) {
            return null;
        }
        List<Module> modulesOut = new ArrayList<>();
        moduleEntities.forEach((module, entities) -> modulesOut.add(
                new Module(module, entities.stream().map(definitions::finished).toList())));
        return new Schema(
                modules.rootFile(),
                modulesOut,
                definitions.finished(),
                docs.documentation(),
                List.copyOf(featureNames.keySet()));
    }

    /** Each entity goes to the module of the file that defines it; an array to its element's. */
    private Map<String, List<Entity>> assignModules() {
        Map<String, List<Entity>> out = new LinkedHashMap<>();
        for (String name : modules.names()) {
            out.put(name, new ArrayList<>());
        }
        for (Entity entity : definitions.entities()) {
            SourceInfo info = entity.info();
            if (entity instanceof ArrayType array
                    && definitions.lookup(array.elementType()) instanceof Entity.Type element) {
                info = element.info();
            }
            String module = info == null ? Module.BUILTIN : modules.nameOf(info.file());
            out.computeIfAbsent(module, k -> new ArrayList<>()).add(entity);
        }
        return out;
    }

    private void checkFeatureCount() {
        if (featureNames.size() <= MAX_FEATURES) {
            return;
        }
        SourceInfo info = new ArrayList<>(featureNames.values()).get(MAX_FEATURES);
        guard(() -> {
            throw diagnostics.error(info, "Maximum of " + MAX_FEATURES + " schema features is permitted");
        });
    }
}
