package io.qapi.compiler.link;

import io.qapi.compiler.check.Names;
import io.qapi.compiler.diag.Diagnostics;
import io.qapi.compiler.diag.QapiException;
import io.qapi.compiler.model.Entity;
import io.qapi.compiler.model.Entity.Definition;
import io.qapi.compiler.model.EnumValue;
import io.qapi.compiler.model.Feature;
import io.qapi.compiler.model.Member;
import io.qapi.compiler.model.Types.AlternateType;
import io.qapi.compiler.model.Types.ArrayType;
import io.qapi.compiler.model.Types.Branches;
import io.qapi.compiler.model.Types.Command;
import io.qapi.compiler.model.Types.EnumType;
import io.qapi.compiler.model.Types.Event;
import io.qapi.compiler.model.Types.ObjectType;
import io.qapi.compiler.model.Variant;
import io.qapi.compiler.parse.Pragmas;
import io.qapi.compiler.source.SourceInfo;
import io.qapi.compiler.vocabulary.IfCond;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
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
 * checked on demand (a base before the type that extends it), as QEMU does; checking one
 * completes its record with the members its base gives it and the branches its tag implies.
 */
final class TypeChecker {
    private static final Pattern NUMBER_LIKE = Pattern.compile("[-+0-9.].*", Pattern.DOTALL);

    /** Where an object's check stands. FAILED: it reported an error (all-errors mode); whatever uses it is abandoned quietly. */
    private enum State {
        CHECKING,
        DONE,
        FAILED
    }

    private final Definitions definitions;
    /** Simple-union wrappers that take the condition of the type they wrap, by wrapper name. */
    private final Map<String, String> wrapped;

    private final Diagnostics diagnostics;
    private final Pragmas pragmas;
    /** Accept what older releases accepted; see {@link io.qapi.compiler.QapiCompiler.Options}. */
    private final boolean lenient;
    /** By declared record: two definitions of one name are checked apart. */
    private final IdentityHashMap<ObjectType, State> states = new IdentityHashMap<>();

    TypeChecker(
            Definitions definitions,
            Map<String, String> wrapped,
            Diagnostics diagnostics,
            Pragmas pragmas,
            boolean lenient) {
        this.definitions = definitions;
        this.wrapped = wrapped;
        this.diagnostics = diagnostics;
        this.pragmas = pragmas;
        this.lenient = lenient;
    }

    void check(Definition def) {
        if (def instanceof ObjectType object) {
            checkObject(object);
        } else if (def instanceof Command command) {
            checkCommand(command);
        } else if (def instanceof Event event) {
            checkEvent(event);
        } else {
            checkTypeFeatures((Entity.Type) def);
            if (def instanceof EnumType e) {
                Map<String, Named> seen = new HashMap<>();
                for (EnumValue v : e.values()) {
                    Named.value(v, e.name()).checkClash(diagnostics, e.info(), seen);
                }
            } else if (def instanceof ArrayType array) {
                String what = array.info() == null ? null : array.info().defn().meta();
                definitions.resolveType(array.elementType(), array.info(), () -> what);
            } else if (def instanceof AlternateType alternate) {
                checkAlternate(alternate);
            }
        }
    }

    private void checkFeatureClash(Definition def) {
        checkFeatureClash(def.features(), def.name(), def.info());
    }

    private void checkFeatureClash(List<Feature> features, String owner, SourceInfo at) {
        Map<String, Named> seen = new HashMap<>();
        for (Feature f : features) {
            Named.feature(f, owner).checkClash(diagnostics, at, seen);
        }
    }

    /** Types may not carry the special features; commands, events, members and values may. */
    private void checkTypeFeatures(Entity.Type type) {
        checkFeatureClash(type);
        if (lenient) {
            return; // before 6.0 no feature name had a special meaning
        }
        for (Feature f : type.features()) {
            if (f.special()) {
                throw diagnostics.error(type.info(), "feature '" + f.name() + "' is not supported for types");
            }
        }
    }

    /** Resolves a member's type and checks its features; {@code at} is its definition's position. */
    private Entity.Type checkMember(Member member, SourceInfo at) {
        Entity.Type type = definitions.resolveType(
                member.type(), at, () -> Named.member(member).describe(at));
        checkFeatureClash(member.features(), member.name(), at);
        return type;
    }

    private Entity.Type checkBranch(Variant branch, String owner, SourceInfo at) {
        return definitions.resolveType(
                branch.type(), at, () -> Named.branch(branch, owner).describe(at));
    }

    // ---- objects ----

    /** Checks an object once and returns it completed. */
    private ObjectType checkObject(ObjectType object) {
        State state = states.get(object);
        if (state == State.DONE) {
            return (ObjectType) definitions.current(object);
        }
        if (state == State.FAILED) {
            throw QapiException.followOn(object.info(), "object " + object.name() + " failed its check");
        }
        if (state == State.CHECKING) {
            throw diagnostics.error(object.info(), "object " + object.name() + " contains itself");
        }
        states.put(object, State.CHECKING);
        ObjectType checked;
        try {
            checked = checkObjectOnce(object);
        } catch (QapiException e) {
            // All-errors mode: left CHECKING, the object would "contain itself" when next used.
            states.put(object, State.FAILED);
            throw e;
        }
        definitions.complete(object, checked);
        states.put(object, State.DONE);
        return checked;
    }

    private ObjectType checkObjectOnce(ObjectType object) {
        checkTypeFeatures(object);
        IfCond ifcond = object.ifcond();
        String wrappedType = wrapped.get(object.name());
        if (wrappedType != null) {
            ifcond = ifcondOf(definitions.resolveType(wrappedType, object.info(), () -> "'data'"));
            // Seen from here on (a use of the wrapper while its members are checked) with that condition.
            definitions.complete(object, object.completed(ifcond, object.members(), object.branches()));
        }
        Map<String, Named> seen = new LinkedHashMap<>();
        List<Member> members = new ArrayList<>();
        if (object.base() != null) {
            Entity.Type base = definitions.resolveType(object.base(), object.info(), () -> "'base'");
            if (!(base instanceof ObjectType baseObject) || baseObject.isUnion()) {
                throw diagnostics.error(
                        object.info(), "'base' requires a struct type, " + Definitions.describe(base) + " isn't");
            }
            ObjectType checkedBase = checkObject(baseObject);
            for (Member m : checkedBase.members()) {
                Named.member(m).checkClash(diagnostics, object.info(), seen);
                members.add(m);
            }
        }
        for (Member m : object.localMembers()) {
            checkMember(m, object.info());
            Named.member(m).checkClash(diagnostics, object.info(), seen);
            members.add(m);
        }
        Branches branches = null;
        if (object.isUnion()) {
            branches = checkBranches(object, members);
            clashBranches(branches, object.info(), seen);
        }
        return object.completed(ifcond, members, branches);
    }

    /** The condition of a type as checking leaves it; an array's is its element's. */
    private IfCond ifcondOf(Entity.Type type) {
        if (type instanceof ArrayType array) {
            return ifcondOf(definitions.resolveType(array.elementType(), array.info(), () -> "'data'"));
        }
        return definitions.current(type).ifcond();
    }

    /** Adds each branch's members to a copy of {@code seen}, reporting clashes with the common members. */
    private void clashBranches(Branches branches, SourceInfo at, Map<String, Named> seen) {
        for (Variant v : branches.variants()) {
            Map<String, Named> branchSeen = new LinkedHashMap<>(seen);
            ObjectType branch = (ObjectType) definitions.current(definitions.lookup(v.type()));
            for (Member m : branch.members()) {
                Named.member(m).checkClash(diagnostics, at, branchSeen);
            }
            if (branch.isUnion()) {
                clashBranches(branch.branches(), at, branchSeen);
            }
        }
    }

    /** Checks a union's tag and branches; returns the branches with one for each tag value not named. */
    private Branches checkBranches(ObjectType union, List<Member> members) {
        String tagName = union.branches().tag();
        Member tag = members.stream()
                .filter(m -> Names.cName(m.name()).equals(Names.cName(tagName)))
                .findFirst()
                .orElse(null);
        String base = "'base'";
        if (tag == null || !tagName.equals(tag.name())) {
            throw diagnostics.error(union.info(), "discriminator '" + tagName + "' is not a member of " + base);
        }
        if (!definitions.lookup(tag.definedIn()).implicit()) {
            base = "base type '" + tag.definedIn() + "'";
        }
        String prefix = "discriminator member '" + tagName + "' of " + base;
        if (!(definitions.lookup(tag.type()) instanceof EnumType tagEnum)) {
            throw diagnostics.error(union.info(), prefix + " must be of enum type");
        }
        if (tag.optional()) {
            throw diagnostics.error(union.info(), prefix + " must not be optional");
        }
        if (tag.ifcond().isPresent()) {
            throw diagnostics.error(union.info(), prefix + " must not be conditional");
        }
        List<Variant> variants = new ArrayList<>(union.branches().variants());
        Set<String> cases = new HashSet<>();
        variants.forEach(v -> cases.add(v.name()));
        for (EnumValue value : tagEnum.values()) {
            if (!cases.contains(value.name())) {
                variants.add(new Variant(value.name(), "q_empty", value.ifcond()));
            }
        }
        if (variants.isEmpty()) {
            throw diagnostics.error(union.info(), "union has no branches");
        }
        Set<String> values = new HashSet<>();
        tagEnum.values().forEach(v -> values.add(v.name()));
        for (Variant v : variants) {
            Entity.Type type = checkBranch(v, union.name(), union.info());
            if (!values.contains(v.name())) {
                throw diagnostics.error(
                        union.info(), "branch '" + v.name() + "' is not a value of " + Definitions.describe(tagEnum));
            }
            if (!(type instanceof ObjectType branchType)) {
                throw diagnostics.error(
                        union.info(),
                        Named.branch(v, union.name()).describe(union.info()) + " cannot use "
                                + Definitions.describe(type));
            }
            checkObject(branchType);
        }
        return new Branches(tagName, variants);
    }

    // ---- alternates ----

    private void checkAlternate(AlternateType alternate) {
        List<Entity.Type> types = new ArrayList<>();
        for (Variant v : alternate.variants()) {
            types.add(checkBranch(v, alternate.name(), alternate.info()));
        }
        Map<String, Named> seen = new HashMap<>();
        Map<String, String> qtypesSeen = new HashMap<>();
        for (int i = 0; i < types.size(); i++) {
            Variant v = alternate.variants().get(i);
            Entity.Type type = types.get(i);
            Named branch = Named.branch(v, alternate.name());
            branch.checkClash(diagnostics, alternate.info(), seen);
            String qtype = alternateQtype(type);
            if (qtype == null) {
                throw diagnostics.error(
                        alternate.info(),
                        branch.describe(alternate.info()) + " cannot use " + Definitions.describe(type));
            }
            for (String conflict : lenient ? legacyConflicts(type, qtype) : conflicts(type, qtype)) {
                String other = qtypesSeen.get(conflict);
                if (other != null) {
                    throw diagnostics.error(
                            alternate.info(),
                            branch.describe(alternate.info()) + " can't be distinguished from '" + other + "'");
                }
                qtypesSeen.put(conflict, v.name());
            }
        }
    }

    /** The QType an alternate branch of this type is told apart by, or null if it cannot be. */
    private static String alternateQtype(Entity.Type type) {
        return switch (type.jsonType()) {
            case "null" -> "QTYPE_QNULL";
            case "string" -> "QTYPE_QSTRING";
            case "number", "int" -> "QTYPE_QNUM";
            case "boolean" -> "QTYPE_QBOOL";
            case "array" -> "QTYPE_QLIST";
            case "object" -> "QTYPE_QDICT";
            default -> null;
        };
    }

    /**
     * The JSON types a branch claims. A string branch also claims numbers and booleans, because
     * keyval input ("-object foo,x=1") gives every scalar as a string; an enum branch claims them
     * only if one of its values reads as a number or as on/off.
     */
    private static Set<String> conflicts(Entity.Type type, String qtype) {
        Set<String> out = new LinkedHashSet<>();
        out.add(qtype);
        if (!qtype.equals("QTYPE_QSTRING")) {
            return out;
        }
        if (type instanceof EnumType e) {
            for (EnumValue m : e.values()) {
                if (m.name().equals("on") || m.name().equals("off")) {
                    out.add("QTYPE_QBOOL");
                }
                if (NUMBER_LIKE.matcher(m.name()).lookingAt()) {
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
    private static Set<String> legacyConflicts(Entity.Type type, String qtype) {
        return Set.of(type.jsonType().equals("number") ? "QTYPE_QFLOAT" : qtype);
    }

    // ---- commands and events ----

    private void checkCommand(Command command) {
        checkFeatureClash(command);
        if (command.argType() != null) {
            argumentType(
                    command.argType(),
                    command.info(),
                    "command",
                    command.flags().boxed());
        }
        if (command.retType() != null) {
            Entity.Type returned =
                    definitions.resolveType(command.retType(), command.info(), () -> "command's 'returns'");
            // QEMU 2.8 listed the exceptions in its generator rather than in the schema.
            if (!lenient && !pragmas.commandReturnsExceptions().contains(command.name())) {
                Definition type =
                        returned instanceof ArrayType array ? definitions.lookup(array.elementType()) : returned;
                if (!(type instanceof ObjectType)) {
                    throw diagnostics.error(
                            command.info(), "command's 'returns' cannot take " + Definitions.describe(returned));
                }
            }
        }
    }

    private void checkEvent(Event event) {
        checkFeatureClash(event);
        if (event.argType() != null) {
            argumentType(event.argType(), event.info(), "event", event.boxed());
        }
    }

    private void argumentType(String name, SourceInfo info, String meta, boolean boxed) {
        String what = meta + "'s 'data'";
        Entity.Type type = definitions.resolveType(name, info, () -> what);
        if (!(type instanceof ObjectType arg)) {
            throw diagnostics.error(info, what + " cannot take " + Definitions.describe(type));
        }
        if (arg.isUnion() && !boxed) {
            throw diagnostics.error(info, what + " can take " + Definitions.describe(arg) + " only with 'boxed': true");
        }
        ObjectType checked = checkObject(arg);
        if (!boxed
                && !lenient
                && checked.members().stream().anyMatch(m -> m.ifcond().isPresent())) {
            throw diagnostics.error(info, "conditional " + meta + " arguments require 'boxed': true");
        }
    }
}
