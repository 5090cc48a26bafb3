package io.qapi.compiler.model;

import io.qapi.compiler.check.Decl;
import io.qapi.compiler.check.IfCond;
import io.qapi.compiler.diag.Diagnostics;
import io.qapi.compiler.diag.QapiException;
import io.qapi.compiler.model.Pending.AlternateP;
import io.qapi.compiler.model.Pending.ArrayP;
import io.qapi.compiler.model.Pending.BuiltinP;
import io.qapi.compiler.model.Pending.CommandP;
import io.qapi.compiler.model.Pending.DefinitionP;
import io.qapi.compiler.model.Pending.EnumP;
import io.qapi.compiler.model.Pending.EnumValueP;
import io.qapi.compiler.model.Pending.EventP;
import io.qapi.compiler.model.Pending.FeatureP;
import io.qapi.compiler.model.Pending.IncludeP;
import io.qapi.compiler.model.Pending.MemberP;
import io.qapi.compiler.model.Pending.ObjectP;
import io.qapi.compiler.model.Pending.TypeP;
import io.qapi.compiler.model.Pending.VariantP;
import io.qapi.compiler.parse.ParsedSchema;
import io.qapi.compiler.parse.Pragmas;
import io.qapi.compiler.source.SourceInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The model stage: defines the entities of checked declarations in QEMU's order (builtins,
 * then per definition the implicit types it creates and the definition itself), checks them
 * in that order, connects documentation, assigns modules, and returns the immutable
 * {@link Schema}.
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
    private final Pragmas pragmas;
    /** Entities in definition order: {@link DefinitionP}s and {@link IncludeP}s. */
    private final List<Object> entities = new ArrayList<>();
    private final Map<String, DefinitionP> byName = new LinkedHashMap<>();
    private final Map<String, SourceInfo> featureNames = new LinkedHashMap<>();
    private final ModuleNames modules;
    private final DocConnector docs;
    private final TypeChecker checker;

    private SchemaBuilder(ParsedSchema parsed, Diagnostics diagnostics, Set<String> abandoned, boolean lenient) {
        this.diagnostics = diagnostics;
        this.abandoned = abandoned;
        this.pragmas = parsed.pragmas();
        this.modules = new ModuleNames(parsed.rootFile());
        this.docs = new DocConnector(diagnostics, pragmas, lenient, parsed.docs());
        this.checker = new TypeChecker(this, diagnostics, pragmas, lenient);
        Feature.SPECIAL.forEach(f -> featureNames.put(f, null));
    }

    /**
     * Builds the model, or returns {@code null} when errors were reported. In all-errors mode
     * each definition is checked on its own, so one bad definition does not hide the others.
     */
    public static Schema build(ParsedSchema parsed, List<Decl> decls, Set<String> abandoned, Diagnostics diagnostics,
                               boolean lenient) {
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
            defineDefinition(new BuiltinP(b[0], b[1]));
            makeArray(b[0], null);
        }
        defineDefinition(new ObjectP("q_empty", null, null, IfCond.NONE, List.of(), null, List.of(), null, null));
        List<EnumValueP> qtypes = new ArrayList<>();
        for (String v : List.of("none", "qnull", "qnum", "qstring", "qdict", "qlist", "qbool")) {
            qtypes.add(new EnumValueP(v, null, IfCond.NONE, List.of()));
        }
        defineDefinition(new EnumP("QType", null, null, IfCond.NONE, List.of(), qtypes, null));
    }

    private void define(Decl decl) {
        if (decl instanceof Decl.Include inc) {
            modules.open(inc.path());
            entities.add(new IncludeP(inc.path(), inc.info()));
        } else if (decl instanceof Decl.Enum e) {
            List<FeatureP> features = features(e.common().features(), e.info());
            List<EnumValueP> values = new ArrayList<>();
            for (Decl.EnumValue v : e.values()) {
                values.add(new EnumValueP(v.name(), e.info(), v.ifcond(), features(v.features(), e.info())));
            }
            defineDefinition(new EnumP(e.common().name(), e.info(), e.common().doc(), e.common().ifcond(),
                    features, values, e.prefix()));
        } else if (decl instanceof Decl.Struct s) {
            List<FeatureP> features = features(s.common().features(), s.info());
            List<MemberP> members = members(s.members(), s.info());
            defineDefinition(new ObjectP(s.common().name(), s.info(), s.common().doc(), s.common().ifcond(),
                    features, s.base(), members, null, null));
        } else if (decl instanceof Decl.Union u) {
            defineUnion(u);
        } else if (decl instanceof Decl.Alternate a) {
            List<FeatureP> features = features(a.common().features(), a.info());
            List<VariantP> variants = variants(a.branches(), a.info());
            defineDefinition(new AlternateP(a.common().name(), a.info(), a.common().doc(), a.common().ifcond(),
                    features, variants));
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
        List<FeatureP> features = features(common.features(), u.info());
        String base = u.baseName();
        if (u.baseMembers() != null) {
            base = implicitObject(common.name(), u.info(), common.ifcond(), "base", members(u.baseMembers(), u.info()));
        }
        List<VariantP> variants = variants(u.branches(), u.info());
        defineDefinition(new ObjectP(common.name(), u.info(), common.doc(), common.ifcond(), features, base,
                List.of(), u.discriminator(), variants));
    }

    /**
     * A simple union, as QEMU desugared it until 6.1: per branch, in order, the branch type's
     * array if the branch has one and the wrapper object {@code q_obj_TYPE-wrapper} with the
     * single member {@code data}; then the implicit enum {@code UNIONKind} of the branch names;
     * then the union, whose tag is its own member {@code type} of that enum.
     */
    private void defineSimpleUnion(Decl.Union u) {
        Decl.Common common = u.common();
        List<FeatureP> features = features(common.features(), u.info());
        List<VariantP> variants = new ArrayList<>();
        for (Decl.Branch b : u.branches()) {
            String type = b.type().array() ? makeArray(b.type().name(), u.info()) : b.type().name();
            variants.add(new VariantP(b.name(), u.info(), wrapperObject(type, u.info()), b.ifcond()));
        }
        List<EnumValueP> values = new ArrayList<>();
        for (VariantP v : variants) {
            values.add(new EnumValueP(v.name, u.info(), v.ifcond, List.of()));
        }
        String kind = common.name() + "Kind";
        defineDefinition(new EnumP(kind, u.info(), null, common.ifcond(), List.of(), values, null));
        MemberP tag = new MemberP("type", u.info(), kind, false, IfCond.NONE, List.of());
        defineDefinition(new ObjectP(common.name(), u.info(), common.doc(), common.ifcond(), features, null,
                List.of(tag), tag.name, variants));
    }

    /**
     * The wrapper of a simple union branch, shared by every branch of that type. It exists where
     * the wrapped type does, when that type is already defined; QEMU looked the type up right
     * then, so a wrapper of a type defined further on has no condition.
     */
    private String wrapperObject(String type, SourceInfo info) {
        String name = "q_obj_" + type + "-wrapper";
        if (!byName.containsKey(name)) {
            MemberP data = new MemberP("data", info, type, false, IfCond.NONE, List.of());
            ObjectP wrapper = new ObjectP(name, info, null, IfCond.NONE, List.of(), null, List.of(data), null, null);
            wrapper.ifcondFrom = byName.get(type) instanceof TypeP ? type : null;
            defineDefinition(wrapper);
        }
        return name;
    }

    private void defineCommand(Decl.Command c) {
        Decl.Common common = c.common();
        List<FeatureP> features = features(common.features(), c.info());
        String arg = c.dataName();
        if (c.dataMembers() != null) {
            arg = implicitObject(common.name(), c.info(), common.ifcond(), "arg", members(c.dataMembers(), c.info()));
        }
        String ret = null;
        if (c.returns() != null) {
            ret = c.returns().array() ? makeArray(c.returns().name(), c.info()) : c.returns().name();
        }
        defineDefinition(new CommandP(common.name(), c.info(), common.doc(), common.ifcond(), features, arg, ret,
                c.gen(), c.successResponse(), c.boxed(), c.allowOob(), c.allowPreconfig(), c.coroutine()));
    }

    private void defineEvent(Decl.Event e) {
        Decl.Common common = e.common();
        List<FeatureP> features = features(common.features(), e.info());
        String arg = e.dataName();
        if (e.dataMembers() != null) {
            arg = implicitObject(common.name(), e.info(), common.ifcond(), "arg", members(e.dataMembers(), e.info()));
        }
        defineDefinition(new EventP(common.name(), e.info(), common.doc(), common.ifcond(), features, arg,
                e.boxed()));
    }

    /** Registers feature names schema-wide (for the 64-feature limit) and returns the definition's. */
    private List<FeatureP> features(List<Decl.Feature> features, SourceInfo info) {
        if (features == null) {
            return List.of();
        }
        List<FeatureP> out = new ArrayList<>();
        for (Decl.Feature f : features) {
            featureNames.putIfAbsent(f.name(), info);
            out.add(new FeatureP(f.name(), info, f.ifcond()));
        }
        return out;
    }

    private List<MemberP> members(List<Decl.Member> members, SourceInfo info) {
        List<MemberP> out = new ArrayList<>();
        for (Decl.Member m : members) {
            boolean optional = m.name().startsWith("*");
            String name = optional ? m.name().substring(1) : m.name();
            String type = m.type().array() ? makeArray(m.type().name(), info) : m.type().name();
            out.add(new MemberP(name, info, type, optional, m.ifcond(), features(m.features(), info)));
        }
        return out;
    }

    private List<VariantP> variants(List<Decl.Branch> branches, SourceInfo info) {
        List<VariantP> out = new ArrayList<>();
        for (Decl.Branch b : branches) {
            String type = b.type().array() ? makeArray(b.type().name(), info) : b.type().name();
            out.add(new VariantP(b.name(), info, type, b.ifcond()));
        }
        return out;
    }

    /** The array type of an element, created at its first use. */
    private String makeArray(String element, SourceInfo info) {
        String name = element + "List";
        if (!(byName.get(name) instanceof TypeP)) {
            defineDefinition(new ArrayP(name, info, element));
        }
        return name;
    }

    /** {@code q_obj_NAME-ROLE} for inline members, or null when there are none. */
    private String implicitObject(String owner, SourceInfo info, IfCond ifcond, String role, List<MemberP> members) {
        if (members.isEmpty()) {
            return null;
        }
        String name = "q_obj_" + owner + "-" + role;
        if (!byName.containsKey(name)) {
            defineDefinition(new ObjectP(name, info, null, ifcond, List.of(), null, members, null, null));
        }
        return name;
    }

    private void defineDefinition(DefinitionP def) {
        entities.add(def);
        DefinitionP other = byName.get(def.name);
        if (other != null) {
            if (other.info != null) {
                throw diagnostics.error(def.info, "'" + def.name + "' is already defined\n"
                        + other.info + ": previous definition");
            }
            throw diagnostics.error(def.info, other.describe() + " is already defined");
        }
        byName.put(def.name, def);
    }

    // ---- lookup, used by the checker ----

    DefinitionP lookup(String name) {
        return byName.get(name);
    }

    /** QEMU's resolve_type: the type of that name, or an "uses unknown type" error. */
    TypeP resolveType(String name, SourceInfo info, Supplier<String> what) {
        DefinitionP def = byName.get(name);
        if (def instanceof TypeP type) {
            return type;
        }
        if (abandoned.contains(name)) {
            // Its own error was reported; saying that it is unknown would only repeat it.
            throw QapiException.followOn(info, "definition '" + name + "' was dropped");
        }
        throw diagnostics.error(info, what.get() + " uses unknown type '" + name + "'");
    }

    // ---- checking ----

    private Schema checkAll() {
        if (diagnostics.hasErrors() && !diagnostics.allErrors()) {
            return null;
        }
        for (Object entity : entities) {
            if (entity instanceof DefinitionP def) {
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
        Map<String, List<Object>> moduleEntities = assignModules();
        docs.checkAll(abandoned);
        checkFeatureCount();
        if (diagnostics.hasErrors()) {
            return null;
        }
        return new Freezer(byName, moduleEntities, docs, featureNames.keySet(), modules.rootFile()).schema();
    }

    private Map<String, List<Object>> assignModules() {
        Map<String, List<Object>> out = new LinkedHashMap<>();
        for (String name : modules.names()) {
            out.put(name, new ArrayList<>());
        }
        for (Object entity : entities) {
            SourceInfo info;
            if (entity instanceof IncludeP inc) {
                info = inc.info();
            } else if (entity instanceof ArrayP array) {
                info = array.element == null ? array.info : array.element.info;
            } else {
                info = ((DefinitionP) entity).info;
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
