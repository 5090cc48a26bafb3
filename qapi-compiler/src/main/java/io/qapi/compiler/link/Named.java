package io.qapi.compiler.link;

import io.qapi.compiler.check.Names;
import io.qapi.compiler.diag.Diagnostics;
import io.qapi.compiler.model.EnumValue;
import io.qapi.compiler.model.Feature;
import io.qapi.compiler.model.Member;
import io.qapi.compiler.model.Variant;
import io.qapi.compiler.source.SourceInfo;
import java.util.Map;

/**
 * How a clash check names a member, branch, enum value or feature: by its role, its name, and
 * the definition (or member, or value) it belongs to, as QEMU's messages do.
 *
 * @param definedIn the owner's name: a type, command or event for members and branches (an
 *                  implicit {@code q_obj_*} type for inline members), the enum for values, and
 *                  for features whatever carries them
 */
record Named(String role, String name, String definedIn) {

    static Named member(Member member) {
        return new Named("member", member.name(), member.definedIn());
    }

    static Named branch(Variant variant, String owner) {
        return new Named("branch", variant.name(), owner);
    }

    static Named value(EnumValue value, String owner) {
        return new Named("value", value.name(), owner);
    }

    static Named feature(Feature feature, String owner) {
        return new Named("feature", feature.name(), owner);
    }

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
