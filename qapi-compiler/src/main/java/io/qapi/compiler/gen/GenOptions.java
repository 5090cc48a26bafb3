package io.qapi.compiler.gen;

import java.util.EnumSet;
import java.util.Set;

/**
 * What to generate.
 *
 * @param basePackage the package of the generated API; each schema module gets a subpackage
 * @param defines     the configuration symbols that are set, or {@code null} to generate
 *                    everything and mark conditional elements with their condition
 * @param targets     which outputs to generate
 */
public record GenOptions(String basePackage, Set<String> defines, Set<Target> targets) {

    /** The outputs of the generator. */
    public enum Target { TYPES, CLIENT, SERVER, EVENTS, INTROSPECTION }

    /**
     * @throws IllegalArgumentException when {@code basePackage} is not a Java package name (a
     *     keyword such as {@code class} among its parts, say), whose output could not compile
     */
    public GenOptions {
        if (basePackage == null || !javax.lang.model.SourceVersion.isName(basePackage)) {
            throw new IllegalArgumentException("'" + basePackage + "' is not a valid Java package name");
        }
        defines = defines == null ? null : Set.copyOf(defines);
        targets = targets.isEmpty() ? EnumSet.allOf(Target.class) : EnumSet.copyOf(targets);
    }

    public boolean has(Target target) {
        return targets.contains(target);
    }
}
