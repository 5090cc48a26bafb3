package io.qapi.compiler.model;

import io.qapi.compiler.model.Entity.Definition;
import io.qapi.compiler.model.Entity.Type;
import io.qapi.compiler.source.SourceInfo;
import io.qapi.compiler.vocabulary.CommandFlags;
import io.qapi.compiler.vocabulary.DocComment;
import io.qapi.compiler.vocabulary.IfCond;
import java.util.List;

/** The entity records. */
public final class Types {
    private Types() {
    }

    /** str, number, int, int8 … uint64, size, bool, any, null. */
    public record BuiltinType(String name, String jsonType) implements Type {
        public SourceInfo info() {
            return null;
        }

        public String meta() {
            return "built-in";
        }

        public DocComment doc() {
            return null;
        }

        public IfCond ifcond() {
            return IfCond.NONE;
        }

        public List<Feature> features() {
            return List.of();
        }
    }

    public record EnumType(String name, SourceInfo info, DocComment doc, IfCond ifcond, List<Feature> features,
                           List<EnumValue> values, String prefix) implements Type {
        public EnumType {
            features = List.copyOf(features);
            values = List.copyOf(values);
        }

        public String meta() {
            return "enum";
        }

        public String jsonType() {
            return "string";
        }

        @Override
        public boolean implicit() {
            return name.equals("QType");
        }
    }

    /** {@code ifcond} is the element type's: an array exists wherever its element does. */
    public record ArrayType(String name, SourceInfo info, String elementType, IfCond ifcond) implements Type {
        public String meta() {
            return "array";
        }

        public DocComment doc() {
            return null;
        }

        public List<Feature> features() {
            return List.of();
        }

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
    public record ObjectType(String name, SourceInfo info, DocComment doc, IfCond ifcond, List<Feature> features,
                             String base, List<Member> localMembers, List<Member> members,
                             Branches branches) implements Type {
        public ObjectType {
            features = List.copyOf(features);
            localMembers = List.copyOf(localMembers);
            members = List.copyOf(members);
        }

        public String meta() {
            return branches == null ? "struct" : "union";
        }

        public String jsonType() {
            return "object";
        }

        @Override
        public boolean implicit() {
            return name.startsWith("q_");
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
    public record AlternateType(String name, SourceInfo info, DocComment doc, IfCond ifcond, List<Feature> features,
                                List<Variant> variants) implements Type {
        public AlternateType {
            features = List.copyOf(features);
            variants = List.copyOf(variants);
        }

        public String meta() {
            return "alternate";
        }

        public String jsonType() {
            return "value";
        }
    }

    /** A command; {@code argType} and {@code retType} may be null. */
    public record Command(String name, SourceInfo info, DocComment doc, IfCond ifcond, List<Feature> features,
                          String argType, String retType, CommandFlags flags) implements Definition {
        public Command {
            features = List.copyOf(features);
        }

        public String meta() {
            return "command";
        }
    }

    /** An event; {@code argType} may be null. */
    public record Event(String name, SourceInfo info, DocComment doc, IfCond ifcond, List<Feature> features,
                        String argType, boolean boxed) implements Definition {
        public Event {
            features = List.copyOf(features);
        }

        public String meta() {
            return "event";
        }
    }
}
