package io.qapi.compiler.check;

import io.qapi.compiler.source.SourceInfo;
import io.qapi.compiler.vocabulary.CommandFlags;
import io.qapi.compiler.vocabulary.DocComment;
import io.qapi.compiler.vocabulary.IfCond;
import java.util.List;

/**
 * A definition after the context-free checks, with QAPI's shorthand expanded: member types in
 * the long form, features as records, defaults for absent flags. Type references are still
 * names; the model stage resolves them.
 */
public sealed interface Decl {
    SourceInfo info();

    /** A reference to a type by name, or to an array of it ({@code ['T']}). */
    record TypeRef(String name, boolean array) {}

    record Feature(String name, IfCond ifcond) {}

    /** A struct, union-base or argument member; {@code name} keeps a leading '*' for optional. */
    record Member(String name, TypeRef type, IfCond ifcond, List<Feature> features) {
        public Member {
            features = List.copyOf(features);
        }
    }

    /** A union or alternate branch. */
    record Branch(String name, TypeRef type, IfCond ifcond) {}

    record EnumValue(String name, IfCond ifcond, List<Feature> features) {
        public EnumValue {
            features = List.copyOf(features);
        }
    }

    /** What makes up a definition besides its own members. */
    record Common(String name, SourceInfo info, DocComment doc, IfCond ifcond, List<Feature> features) {
        public Common {
            features = features == null ? null : List.copyOf(features);
        }
    }

    record Include(String path, SourceInfo info) implements Decl {}

    record Enumeration(Common common, List<EnumValue> values, String prefix) implements Decl {
        @Override
        public SourceInfo info() {
            return common.info();
        }
    }

    /** {@code base} may be null; {@code members} are the local members. */
    record Struct(Common common, String base, List<Member> members) implements Decl {
        @Override
        public SourceInfo info() {
            return common.info();
        }
    }

    /**
     * Either {@code baseName} or {@code baseMembers} is set, except in a simple union (lenient
     * mode only), which has neither and no {@code discriminator} either.
     */
    record Union(Common common, String baseName, List<Member> baseMembers, String discriminator, List<Branch> branches)
            implements Decl {
        @Override
        public SourceInfo info() {
            return common.info();
        }
    }

    record Alternate(Common common, List<Branch> branches) implements Decl {
        @Override
        public SourceInfo info() {
            return common.info();
        }
    }

    /** At most one of {@code dataName} and {@code dataMembers} is set. */
    record Command(Common common, String dataName, List<Member> dataMembers, TypeRef returns, CommandFlags flags)
            implements Decl {
        @Override
        public SourceInfo info() {
            return common.info();
        }
    }

    /** At most one of {@code dataName} and {@code dataMembers} is set. */
    record Event(Common common, String dataName, List<Member> dataMembers, boolean boxed) implements Decl {
        @Override
        public SourceInfo info() {
            return common.info();
        }
    }
}
