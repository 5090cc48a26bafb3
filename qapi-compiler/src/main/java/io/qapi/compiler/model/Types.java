package io.qapi.compiler.model;

import io.qapi.compiler.model.Entity.Definition;
import io.qapi.compiler.source.SourceInfo;
import io.qapi.compiler.vocabulary.CommandFlags;
import io.qapi.compiler.vocabulary.DocComment;
import io.qapi.compiler.vocabulary.IfCond;
import java.util.List;

/** The entity records. */
public final class Types {
    private Types() {}

    /** str, number, int, int8 … uint64, size, bool, any, null. */
    public record BuiltinType(String name, String jsonType) implements Entity.Type {
        @Override
        public SourceInfo info() {
            return null;
        }

        @Override
        public String meta() {
            return "built-in";
        }

        @Override
        public DocComment doc() {
            return null;
        }

        @Override
        public IfCond ifcond() {
            return IfCond.NONE;
        }

        @Override
        public List<Feature> features() {
            return List.of();
        }
    }

    public record EnumType(
            String name,
            SourceInfo info,
            DocComment doc,
            IfCond ifcond,
            List<Feature> features,
            List<EnumValue> values,
            String prefix)
            implements Entity.Type {
        public EnumType {
            features = List.copyOf(features);
            values = List.copyOf(values);
        }

        @Override
        public String meta() {
            return "enum";
        }

        @Override
        public String jsonType() {
            return "string";
        }

        @Override
        public boolean implicit() {
            return name.equals("QType");
        }
    }

    /** {@code ifcond} is the element type's: an array exists wherever its element does. */
    public record ArrayType(String name, SourceInfo info, String elementType, IfCond ifcond) implements Entity.Type {
        @Override
        public String meta() {
            return "array";
        }

        @Override
        public DocComment doc() {
            return null;
        }

        @Override
        public List<Feature> features() {
            return List.of();
        }

        @Override
        public String jsonType() {
            return "array";
        }

        @Override
        public boolean implicit() {
            return true;
        }
    }

    /**
     * A struct, or a union when {@code branches} is set.
     *
     * @param localMembers the members this type declares
     * @param members      every member: the base's, then the local ones
     */
    public record ObjectType(
            String name,
            SourceInfo info,
            DocComment doc,
            IfCond ifcond,
            List<Feature> features,
            String base,
            List<Member> localMembers,
            List<Member> members,
            Branches branches)
            implements Entity.Type {
        public ObjectType {
            features = List.copyOf(features);
            localMembers = List.copyOf(localMembers);
            members = List.copyOf(members);
        }

        @Override
        public String meta() {
            return branches == null ? "struct" : "union";
        }

        @Override
        public String jsonType() {
            return "object";
        }

        @Override
        public boolean implicit() {
            return name.startsWith("q_");
        }

        /** This type as checking completes it: its condition, every member (the base's first), its branches. */
        public ObjectType completed(IfCond condition, List<Member> allMembers, Branches allBranches) {
            return new ObjectType(name, info, doc, condition, features, base, localMembers, allMembers, allBranches);
        }

        public boolean isUnion() {
            return branches != null;
        }
    }

    /** A union's branches, selected by the value of member {@code tag}. */
    public record Branches(String tag, List<Variant> variants) {
        public Branches {
            variants = List.copyOf(variants);
        }
    }

    /** An alternate; its implicit tag is the JSON type of the value ({@code QType}). */
    public record AlternateType(
            String name, SourceInfo info, DocComment doc, IfCond ifcond, List<Feature> features, List<Variant> variants)
            implements Entity.Type {
        public AlternateType {
            features = List.copyOf(features);
            variants = List.copyOf(variants);
        }

        @Override
        public String meta() {
            return "alternate";
        }

        @Override
        public String jsonType() {
            return "value";
        }
    }

    /** A command; {@code argType} and {@code retType} may be null. */
    public record Command(
            String name,
            SourceInfo info,
            DocComment doc,
            IfCond ifcond,
            List<Feature> features,
            String argType,
            String retType,
            CommandFlags flags)
            implements Definition {
        public Command {
            features = List.copyOf(features);
        }

        @Override
        public String meta() {
            return "command";
        }
    }

    /** An event; {@code argType} may be null. */
    public record Event(
            String name,
            SourceInfo info,
            DocComment doc,
            IfCond ifcond,
            List<Feature> features,
            String argType,
            boolean boxed)
            implements Definition {
        public Event {
            features = List.copyOf(features);
        }

        @Override
        public String meta() {
            return "event";
        }
    }
}
