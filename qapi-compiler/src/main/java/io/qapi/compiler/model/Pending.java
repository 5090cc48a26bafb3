package io.qapi.compiler.model;

import io.qapi.compiler.check.IfCond;
import io.qapi.compiler.check.Names;
import io.qapi.compiler.diag.Diagnostics;
import io.qapi.compiler.parse.DocComment;
import io.qapi.compiler.source.SourceInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Entities while the builder defines and checks them. Checking resolves type names, flattens
 * bases and adds implicit branches in a fixed order that decides which error is reported
 * first; once everything is checked the builder turns these into the model's records.
 */
final class Pending {
    private Pending() {
    }

    /** Anything a clash check may name: members, branches, enum values, features. */
    abstract static class Named {
        final String name;
        final SourceInfo info;
        final IfCond ifcond;
        String definedIn;

        Named(String name, SourceInfo info, IfCond ifcond) {
            this.name = name;
            this.info = info;
            this.ifcond = ifcond;
        }

        abstract String role();

        /** QEMU's wording: "member 'x'", "parameter 'x' of command 'c'", "base member 'x' of type 'U'". */
        String describe(SourceInfo at) {
            String role = role();
            String meta = "type";
            String owner = definedIn;
            if (owner.startsWith("q_obj_")) {
                owner = owner.substring(6);
                if (owner.endsWith("-arg")) {
                    role = "parameter";
                    meta = "command";
                    owner = owner.substring(0, owner.length() - 4);
                } else if (owner.endsWith("-base")) {
                    role = "base " + role;
                    owner = owner.substring(0, owner.length() - 5);
                }
            }
            String current = at == null || at.defn() == null ? null : at.defn().name();
            if (!owner.equals(current)) {
                return role + " '" + name + "' of " + meta + " '" + owner + "'";
            }
            return role + " '" + name + "'";
        }

        /** Records this name under its C name, or reports the clash. */
        void checkClash(Diagnostics diagnostics, SourceInfo at, Map<String, Named> seen) {
            String c = Names.cName(name);
            Named other = seen.get(c);
            if (other != null) {
                throw diagnostics.error(at, describe(at) + " collides with " + other.describe(at));
            }
            seen.put(c, this);
        }
    }

    static final class FeatureP extends Named {
        FeatureP(String name, SourceInfo info, IfCond ifcond) {
            super(name, info, ifcond);
        }

        String role() {
            return "feature";
        }

        Feature freeze() {
            return new Feature(name, ifcond);
        }
    }

    static final class EnumValueP extends Named {
        final List<FeatureP> features;

        EnumValueP(String name, SourceInfo info, IfCond ifcond, List<FeatureP> features) {
            super(name, info, ifcond);
            this.features = features;
            for (FeatureP f : features) {
                f.definedIn = name;
            }
        }

        String role() {
            return "value";
        }
    }

    static class MemberP extends Named {
        final String typeName;
        final boolean optional;
        final List<FeatureP> features;
        TypeP type;

        MemberP(String name, SourceInfo info, String typeName, boolean optional, IfCond ifcond,
                List<FeatureP> features) {
            super(name, info, ifcond);
            this.typeName = typeName;
            this.optional = optional;
            this.features = features;
            for (FeatureP f : features) {
                f.definedIn = name;
            }
        }

        String role() {
            return "member";
        }
    }

    static final class VariantP extends MemberP {
        VariantP(String name, SourceInfo info, String typeName, IfCond ifcond) {
            super(name, info, typeName, false, ifcond, List.of());
        }

        @Override
        String role() {
            return "branch";
        }
    }

    /** A definition; {@code features} are its own. */
    abstract static class DefinitionP {
        final String name;
        final SourceInfo info;
        final DocComment doc;
        final IfCond ifcond;
        final List<FeatureP> features;

        DefinitionP(String name, SourceInfo info, DocComment doc, IfCond ifcond, List<FeatureP> features) {
            this.name = name;
            this.info = info;
            this.doc = doc;
            this.ifcond = ifcond;
            this.features = features;
            for (FeatureP f : features) {
                f.definedIn = name;
            }
        }

        abstract String meta();

        String describe() {
            return meta() + " '" + name + "'";
        }

        boolean implicit() {
            return info == null;
        }
    }

    abstract static class TypeP extends DefinitionP {
        TypeP(String name, SourceInfo info, DocComment doc, IfCond ifcond, List<FeatureP> features) {
            super(name, info, doc, ifcond, features);
        }

        abstract String jsonType();

        IfCond effectiveIfcond() {
            return ifcond;
        }

        @Override
        String describe() {
            return meta() + " type '" + name + "'";
        }

        /** The QType an alternate branch of this type is told apart by, or null if it cannot be. */
        String alternateQtype() {
            return switch (jsonType()) {
                case "null" -> "QTYPE_QNULL";
                case "string" -> "QTYPE_QSTRING";
                case "number", "int" -> "QTYPE_QNUM";
                case "boolean" -> "QTYPE_QBOOL";
                case "array" -> "QTYPE_QLIST";
                case "object" -> "QTYPE_QDICT";
                default -> null;
            };
        }
    }

    static final class BuiltinP extends TypeP {
        final String jsonType;

        BuiltinP(String name, String jsonType) {
            super(name, null, null, IfCond.NONE, List.of());
            this.jsonType = jsonType;
        }

        String meta() {
            return "built-in";
        }

        String jsonType() {
            return jsonType;
        }
    }

    static final class EnumP extends TypeP {
        final List<EnumValueP> values;
        final String prefix;

        EnumP(String name, SourceInfo info, DocComment doc, IfCond ifcond, List<FeatureP> features,
              List<EnumValueP> values, String prefix) {
            super(name, info, doc, ifcond, features);
            this.values = values;
            this.prefix = prefix;
            for (EnumValueP v : values) {
                v.definedIn = name;
            }
        }

        String meta() {
            return "enum";
        }

        String jsonType() {
            return "string";
        }

        @Override
        boolean implicit() {
            return name.equals("QType");
        }
    }

    static final class ArrayP extends TypeP {
        final String elementName;
        TypeP element;

        ArrayP(String name, SourceInfo info, String elementName) {
            super(name, info, null, IfCond.NONE, List.of());
            this.elementName = elementName;
        }

        String meta() {
            return "array";
        }

        String jsonType() {
            return "array";
        }

        @Override
        IfCond effectiveIfcond() {
            return element.effectiveIfcond();
        }

        @Override
        boolean implicit() {
            return true;
        }

        @Override
        String describe() {
            return "array type ['" + elementName + "']";
        }
    }

    static final class ObjectP extends TypeP {
        /** FAILED: its check reported an error (all-errors mode); whatever uses it is abandoned quietly. */
        enum State { NEW, CHECKING, DONE, FAILED }

        final String baseName;
        final List<MemberP> localMembers;
        final String tagName;
        final List<VariantP> variants;
        ObjectP base;
        MemberP tagMember;
        List<MemberP> members;
        State state = State.NEW;
        /** A simple union's wrapper: the type whose condition it takes once checked, or null. */
        String ifcondFrom;
        IfCond inheritedIfcond;

        ObjectP(String name, SourceInfo info, DocComment doc, IfCond ifcond, List<FeatureP> features,
                String baseName, List<MemberP> localMembers, String tagName, List<VariantP> variants) {
            super(name, info, doc, ifcond, features);
            this.baseName = baseName;
            this.localMembers = localMembers;
            this.tagName = tagName;
            this.variants = variants == null ? null : new ArrayList<>(variants);
            for (MemberP m : localMembers) {
                m.definedIn = name;
            }
            if (variants != null) {
                for (VariantP v : variants) {
                    v.definedIn = name;
                }
            }
        }

        boolean isUnion() {
            return variants != null;
        }

        @Override
        IfCond effectiveIfcond() {
            return inheritedIfcond != null ? inheritedIfcond : ifcond;
        }

        String meta() {
            return isUnion() ? "union" : "struct";
        }

        String jsonType() {
            return "object";
        }

        @Override
        boolean implicit() {
            return name.startsWith("q_");
        }
    }

    static final class AlternateP extends TypeP {
        final List<VariantP> variants;
        final MemberP tagMember;

        AlternateP(String name, SourceInfo info, DocComment doc, IfCond ifcond, List<FeatureP> features,
                   List<VariantP> variants) {
            super(name, info, doc, ifcond, features);
            this.variants = variants;
            this.tagMember = new MemberP("type", info, "QType", false, IfCond.NONE, List.of());
            for (VariantP v : variants) {
                v.definedIn = name;
            }
            tagMember.definedIn = name;
        }

        String meta() {
            return "alternate";
        }

        String jsonType() {
            return "value";
        }
    }

    static final class CommandP extends DefinitionP {
        final String argName;
        final String retName;
        final boolean gen;
        final boolean successResponse;
        final boolean boxed;
        final boolean allowOob;
        final boolean allowPreconfig;
        final boolean coroutine;
        ObjectP argType;
        TypeP retType;

        CommandP(String name, SourceInfo info, DocComment doc, IfCond ifcond, List<FeatureP> features,
                 String argName, String retName, boolean gen, boolean successResponse, boolean boxed,
                 boolean allowOob, boolean allowPreconfig, boolean coroutine) {
            super(name, info, doc, ifcond, features);
            this.argName = argName;
            this.retName = retName;
            this.gen = gen;
            this.successResponse = successResponse;
            this.boxed = boxed;
            this.allowOob = allowOob;
            this.allowPreconfig = allowPreconfig;
            this.coroutine = coroutine;
        }

        String meta() {
            return "command";
        }
    }

    static final class EventP extends DefinitionP {
        final String argName;
        final boolean boxed;
        ObjectP argType;

        EventP(String name, SourceInfo info, DocComment doc, IfCond ifcond, List<FeatureP> features,
               String argName, boolean boxed) {
            super(name, info, doc, ifcond, features);
            this.argName = argName;
            this.boxed = boxed;
        }

        String meta() {
            return "event";
        }
    }

    /** An include directive, recorded with the module it opens. */
    record IncludeP(String file, SourceInfo info) {
    }
}
