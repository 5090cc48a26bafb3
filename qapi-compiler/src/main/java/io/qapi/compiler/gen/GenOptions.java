package io.qapi.compiler.gen;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What to generate.
 *
 * @param basePackage the package of the generated API; each schema module gets a subpackage
 * @param defines     the configuration the API is for
 * @param targets     which outputs to generate; none means all of them
 */
public record GenOptions(String basePackage, Defines defines, Set<Target> targets) {

    /** The outputs of the generator. */
    public enum Target {
        TYPES,
        CLIENT,
        SERVER,
        EVENTS,
        INTROSPECTION;

        /**
         * The targets as a command line or a build file names them, in any case.
         *
         * @throws IllegalArgumentException "unknown target 'NAME'", naming the first that is none
         */
        public static Set<Target> parse(Collection<String> names) {
            Set<Target> targets = EnumSet.noneOf(Target.class);
            for (String name : names) {
                try {
                    targets.add(valueOf(name.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown target '" + name + "'", e);
                }
            }
            return targets;
        }
    }

    /**
     * @throws IllegalArgumentException when {@code basePackage} is not a Java package name (a
     *     keyword such as {@code class} among its parts, say), whose output could not compile
     */
    public GenOptions {
        if (basePackage == null || !javax.lang.model.SourceVersion.isName(basePackage)) {
            throw new IllegalArgumentException("'" + basePackage + "' is not a valid Java package name");
        }
        Objects.requireNonNull(defines, "defines");
        targets = targets.isEmpty() ? EnumSet.allOf(Target.class) : EnumSet.copyOf(targets);
    }

    public boolean has(Target target) {
        return targets.contains(target);
    }
}
