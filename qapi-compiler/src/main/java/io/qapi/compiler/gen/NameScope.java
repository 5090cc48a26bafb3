package io.qapi.compiler.gen;

import io.qapi.compiler.diag.Diagnostics;
import io.qapi.compiler.source.SourceInfo;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One Java scope (a package, a record's components, an enum's constants, an interface's
 * methods). Two QAPI names that map to the same Java name in a scope are an error that names
 * both, instead of output that does not compile. A name Java or the generated code already
 * uses in the scope ({@code wait}, {@code toJson}) is avoided with a trailing underscore.
 */
public final class NameScope {
    private record Claim(String what, SourceInfo info) {}

    private final Diagnostics diagnostics;
    private final String kind;
    private final Map<String, Claim> claimed = new HashMap<>();

    public NameScope(Diagnostics diagnostics, String kind) {
        this.diagnostics = diagnostics;
        this.kind = kind;
    }

    private final Set<String> reserved = new HashSet<>();

    /** Reserves a name the generator itself uses, such as {@code additionalMembers}. */
    public NameScope reserve(String javaName, String why) {
        reserved.add(javaName);
        return this;
    }

    /**
     * Claims {@code javaName} for {@code what} (e.g. "member 'flow-rate'"); returns the name
     * actually used.
     */
    public String claim(String javaName, String what, SourceInfo info) {
        while (reserved.contains(javaName)) {
            javaName = javaName + "_";
        }
        Claim other = claimed.putIfAbsent(javaName, new Claim(what, info));
        if (other != null) {
            String where = other.info() == null ? "generated" : other.info().loc();
            throw diagnostics.error(
                    info,
                    "Java " + kind + " name '" + javaName + "' of " + what + " collides with " + other.what() + " ("
                            + where + ")");
        }
        return javaName;
    }
}
