package io.qapi.compiler.model;

import io.qapi.compiler.diag.Diagnostics;
import io.qapi.compiler.diag.QapiException;
import io.qapi.compiler.model.Pending.AlternateP;
import io.qapi.compiler.model.Pending.ArrayP;
import io.qapi.compiler.model.Pending.CommandP;
import io.qapi.compiler.model.Pending.DefinitionP;
import io.qapi.compiler.model.Pending.EnumP;
import io.qapi.compiler.model.Pending.EnumValueP;
import io.qapi.compiler.model.Pending.EventP;
import io.qapi.compiler.model.Pending.FeatureP;
import io.qapi.compiler.model.Pending.MemberP;
import io.qapi.compiler.model.Pending.Named;
import io.qapi.compiler.model.Pending.ObjectP;
import io.qapi.compiler.model.Pending.TypeP;
import io.qapi.compiler.model.Pending.VariantP;
import io.qapi.compiler.parse.Pragmas;
import io.qapi.compiler.source.SourceInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The semantic checks of entities: references resolve to types of the right kind, bases
 * are structs without cycles, members do not clash after C-name mapping, union discriminators
 * and branches fit, alternate branches can be told apart in JSON, and so on. Object types are
 * checked on demand (a base before the type that extends it), as QEMU does.
 */
final class TypeChecker {
    private static final Pattern NUMBER_LIKE = Pattern.compile("[-+0-9.].*", Pattern.DOTALL);

    private final SchemaBuilder schema;
    private final Diagnostics diagnostics;
    private final Pragmas pragmas;
    /** Accept what older releases accepted; see {@link io.qapi.compiler.QapiCompiler.Options}. */
    private final boolean lenient;

    TypeChecker(SchemaBuilder schema, Diagnostics diagnostics, Pragmas pragmas, boolean lenient) {
        this.schema = schema;
        this.diagnostics = diagnostics;
        this.pragmas = pragmas;
        this.lenient = lenient;
    }

    void check(DefinitionP def) {
        if (def instanceof ObjectP object) {
            checkObject(object);
        } else if (def instanceof CommandP command) {
            checkCommand(command);
        } else if (def instanceof EventP event) {
            checkEvent(event);
        } else {
            checkTypeFeatures((TypeP) def);
            if (def instanceof EnumP e) {
                Map<String, Named> seen = new HashMap<>();
                for (EnumValueP v : e.values) {
                    v.checkClash(diagnostics, e.info, seen);
                }
            } else if (def instanceof ArrayP array) {
                String what = array.info == null ? null : array.info.defn().meta();
                array.element = schema.resolveType(array.elementName, array.info, () -> what);
            } else if (def instanceof AlternateP alternate) {
                checkAlternate(alternate);
            }
        }
    }

    private void checkFeatureClash(DefinitionP def) {
        Map<String, Named> seen = new HashMap<>();
        for (FeatureP f : def.features) {
            f.checkClash(diagnostics, def.info, seen);
        }
    }

    /** Types may not carry the special features; commands, events, members and values may. */
    private void checkTypeFeatures(TypeP type) {
        checkFeatureClash(type);
        if (lenient) {
            return;  // before 6.0 no feature name had a special meaning
        }
        for (FeatureP f : type.features) {
            if (io.qapi.compiler.model.Feature.SPECIAL.contains(f.name)) {
                throw diagnostics.error(type.info, "feature '" + f.name + "' is not supported for types");
            }
        }
    }

    private void checkMember(MemberP member) {
        member.type = schema.resolveType(member.typeName, member.info, () -> member.describe(member.info));
        Map<String, Named> seen = new HashMap<>();
        for (FeatureP f : member.features) {
            f.checkClash(diagnostics, member.info, seen);
        }
    }

    // ---- objects ----

    void checkObject(ObjectP object) {
        if (object.state == ObjectP.State.DONE) {
            return;
        }
        if (object.state == ObjectP.State.FAILED) {
            throw QapiException.followOn(object.info, "object " + object.name + " failed its check");
        }
        if (object.state == ObjectP.State.CHECKING) {
            throw diagnostics.error(object.info, "object " + object.name + " contains itself");
        }
        object.state = ObjectP.State.CHECKING;
        try {
            checkObjectOnce(object);
        } catch (QapiException e) {
            // All-errors mode: left CHECKING, the object would "contain itself" when next used.
            object.state = ObjectP.State.FAILED;
            throw e;
        }
        object.state = ObjectP.State.DONE;
    }

    private void checkObjectOnce(ObjectP object) {
        checkTypeFeatures(object);
        if (object.ifcondFrom != null) {
            object.inheritedIfcond = ifcondOf(schema.resolveType(object.ifcondFrom, object.info, () -> "'data'"));
        }
        Map<String, Named> seen = new LinkedHashMap<>();
        if (object.baseName != null && !object.baseName.isEmpty()) {
            TypeP base = schema.resolveType(object.baseName, object.info, () -> "'base'");
            if (!(base instanceof ObjectP baseObject) || baseObject.isUnion()) {
                throw diagnostics.error(object.info, "'base' requires a struct type, " + base.describe() + " isn't");
            }
            object.base = baseObject;
            checkObject(baseObject);
            clash(baseObject, object.info, seen);
        }
        for (MemberP m : object.localMembers) {
            checkMember(m);
            m.checkClash(diagnostics, object.info, seen);
        }
        List<MemberP> members = new ArrayList<>();
        seen.values().forEach(n -> members.add((MemberP) n));
        if (object.isUnion()) {
            checkBranches(object, seen);
            clashBranches(object, object.info, seen);
        }
        object.members = members;
    }

    /** The condition of a type, resolving an array's element if the array is not checked yet. */
    private io.qapi.compiler.check.IfCond ifcondOf(TypeP type) {
        if (type instanceof ArrayP array) {
            TypeP element = array.element != null ? array.element
                    : schema.resolveType(array.elementName, array.info, () -> "'data'");
            return ifcondOf(element);
        }
        return type.effectiveIfcond();
    }

    /** Adds an object's members (and each branch's, separately) to {@code seen}, reporting clashes. */
    private void clash(ObjectP object, SourceInfo at, Map<String, Named> seen) {
        for (MemberP m : object.members) {
            m.checkClash(diagnostics, at, seen);
        }
        if (object.isUnion()) {
            clashBranches(object, at, seen);
        }
    }

    private void clashBranches(ObjectP union, SourceInfo at, Map<String, Named> seen) {
        for (VariantP v : union.variants) {
            clash((ObjectP) v.type, at, new LinkedHashMap<>(seen));
        }
    }

    private void checkBranches(ObjectP union, Map<String, Named> seen) {
        Named found = seen.get(io.qapi.compiler.check.Names.cName(union.tagName));
        String base = "'base'";
        if (!(found instanceof MemberP tag) || !union.tagName.equals(tag.name)) {
            throw diagnostics.error(union.info, "discriminator '" + union.tagName + "' is not a member of " + base);
        }
        union.tagMember = tag;
        if (!schema.lookup(tag.definedIn).implicit()) {
            base = "base type '" + tag.definedIn + "'";
        }
        String prefix = "discriminator member '" + union.tagName + "' of " + base;
        if (!(tag.type instanceof EnumP tagEnum)) {
            throw diagnostics.error(union.info, prefix + " must be of enum type");
        }
        if (tag.optional) {
            throw diagnostics.error(union.info, prefix + " must not be optional");
        }
        if (tag.ifcond.isPresent()) {
            throw diagnostics.error(union.info, prefix + " must not be conditional");
        }
        Set<String> cases = new HashSet<>();
        union.variants.forEach(v -> cases.add(v.name));
        for (EnumValueP value : tagEnum.values) {
            if (!cases.contains(value.name)) {
                VariantP implicit = new VariantP(value.name, union.info, "q_empty", value.ifcond);
                implicit.definedIn = tag.definedIn;
                union.variants.add(implicit);
            }
        }
        if (union.variants.isEmpty()) {
            throw diagnostics.error(union.info, "union has no branches");
        }
        Set<String> values = new HashSet<>();
        tagEnum.values.forEach(v -> values.add(v.name));
        for (VariantP v : union.variants) {
            checkMember(v);
            if (!values.contains(v.name)) {
                throw diagnostics.error(union.info, "branch '" + v.name + "' is not a value of " + tagEnum.describe());
            }
            if (!(v.type instanceof ObjectP branchType)) {
                throw diagnostics.error(union.info, v.describe(union.info) + " cannot use " + v.type.describe());
            }
            checkObject(branchType);
        }
    }

    // ---- alternates ----

    private void checkAlternate(AlternateP alternate) {
        checkMember(alternate.tagMember);
        for (VariantP v : alternate.variants) {
            checkMember(v);
        }
        Map<String, Named> seen = new HashMap<>();
        Map<String, String> qtypesSeen = new HashMap<>();
        for (VariantP v : alternate.variants) {
            v.checkClash(diagnostics, alternate.info, seen);
            String qtype = v.type.alternateQtype();
            if (qtype == null) {
                throw diagnostics.error(alternate.info, v.describe(alternate.info) + " cannot use " + v.type.describe());
            }
            for (String conflict : lenient ? legacyConflicts(v.type, qtype) : conflicts(v.type, qtype)) {
                String other = qtypesSeen.get(conflict);
                if (other != null) {
                    throw diagnostics.error(alternate.info,
                            v.describe(alternate.info) + " can't be distinguished from '" + other + "'");
                }
                qtypesSeen.put(conflict, v.name);
            }
        }
    }

    /**
     * The JSON types a branch claims. A string branch also claims numbers and booleans, because
     * keyval input ("-object foo,x=1") gives every scalar as a string; an enum branch claims them
     * only if one of its values reads as a number or as on/off.
     */
    private static Set<String> conflicts(TypeP type, String qtype) {
        Set<String> out = new LinkedHashSet<>();
        out.add(qtype);
        if (!qtype.equals("QTYPE_QSTRING")) {
            return out;
        }
        if (type instanceof EnumP e) {
            for (EnumValueP m : e.values) {
                if (m.name.equals("on") || m.name.equals("off")) {
                    out.add("QTYPE_QBOOL");
                }
                if (NUMBER_LIKE.matcher(m.name).lookingAt()) {
                    out.add("QTYPE_QNUM");
                }
            }
        } else {
            out.add("QTYPE_QNUM");
            out.add("QTYPE_QBOOL");
        }
        return out;
    }

    /**
     * The JSON types a branch claims in QEMU 2.8, before keyval input existed: only its own,
     * with integers and numbers still told apart.
     */
    private static Set<String> legacyConflicts(TypeP type, String qtype) {
        return Set.of(type.jsonType().equals("number") ? "QTYPE_QFLOAT" : qtype);
    }

    // ---- commands and events ----

    private void checkCommand(CommandP command) {
        checkFeatureClash(command);
        if (command.argName != null && !command.argName.isEmpty()) {
            command.argType = argumentType(command.argName, command.info, "command", command.boxed);
        }
        if (command.retName != null && !command.retName.isEmpty()) {
            command.retType = schema.resolveType(command.retName, command.info, () -> "command's 'returns'");
            // QEMU 2.8 listed the exceptions in its generator rather than in the schema.
            if (!lenient && !pragmas.commandReturnsExceptions().contains(command.name)) {
                TypeP type = command.retType instanceof ArrayP array ? array.element : command.retType;
                if (!(type instanceof ObjectP)) {
                    throw diagnostics.error(command.info,
                            "command's 'returns' cannot take " + command.retType.describe());
                }
            }
        }
    }

    private void checkEvent(EventP event) {
        checkFeatureClash(event);
        if (event.argName != null && !event.argName.isEmpty()) {
            event.argType = argumentType(event.argName, event.info, "event", event.boxed);
        }
    }

    private ObjectP argumentType(String name, SourceInfo info, String meta, boolean boxed) {
        String what = meta + "'s 'data'";
        TypeP type = schema.resolveType(name, info, () -> what);
        if (!(type instanceof ObjectP arg)) {
            throw diagnostics.error(info, what + " cannot take " + type.describe());
        }
        if (arg.isUnion() && !boxed) {
            throw diagnostics.error(info, what + " can take " + arg.describe() + " only with 'boxed': true");
        }
        checkObject(arg);
        if (!boxed && !lenient && arg.members.stream().anyMatch(m -> m.ifcond.isPresent())) {
            throw diagnostics.error(info, "conditional " + meta + " arguments require 'boxed': true");
        }
        return arg;
    }
}
