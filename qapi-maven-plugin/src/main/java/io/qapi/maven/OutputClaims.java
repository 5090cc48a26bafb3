package io.qapi.maven;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;

/**
 * The output directories and base packages that the qapi executions of one project generate
 * into, kept in the project's context for the length of the build. Two executions that share
 * either, with different schemas or settings, would destroy each other's output: the second
 * deletes the first's files from a shared directory, and in a shared package the second's
 * {@code Client}, {@code Server}, … replace or shadow the first's. An execution that runs again
 * with the same settings (from the lifecycle and from the command line) claims what it has.
 */
final class OutputClaims {
    /** In the project's context: "dir:PATH" or "package:NAME" to {owner, identity, description}. */
    private static final String KEY = OutputClaims.class.getName();

    private OutputClaims() {}

    /**
     * Claims an output directory and a base package for one execution, or fails naming the
     * execution that claimed either with other settings. An execution's new claim replaces its
     * earlier ones (a long-lived session may run it again with new settings).
     *
     * @param owner       the goal and execution id
     * @param identity    everything that decides the output (schemas, package, targets, …)
     * @param description the execution and its schemas, as the error names them
     */
    static void claim(
            MavenProject project, String owner, Path output, String packageName, String identity, String description)
            throws MojoFailureException {
        Map<String, String[]> claims = claims(project);
        String dir = "dir:" + output.toAbsolutePath().normalize();
        String pkg = "package:" + packageName;
        check(claims.get(dir), owner, identity, description, "into " + output);
        check(claims.get(pkg), owner, identity, description, "into package " + packageName);
        claims.values().removeIf(claim -> claim[0].equals(owner));
        String[] claim = {owner, identity, description};
        claims.put(dir, claim);
        claims.put(pkg, claim);
    }

    private static void check(String[] earlier, String owner, String identity, String description, String where)
            throws MojoFailureException {
        if (earlier != null && !earlier[0].equals(owner) && !earlier[1].equals(identity)) {
            throw new MojoFailureException("qapi: " + description + " generates " + where + ", as " + earlier[2]
                    + " does: each would delete or replace the other's files (Client, Server, …); "
                    + "give each execution its own <packageName> and <outputDirectory>");
        }
    }

    /**
     * The project's claims. Only JDK types are kept in the context, so that executions of the
     * plugin loaded by different class realms can read them.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, String[]> claims(MavenProject project) {
        Object claims = project.getContextValue(KEY);
        if (claims == null) {
            claims = new HashMap<String, String[]>();
            project.setContextValue(KEY, claims);
        }
        return (Map<String, String[]>) claims;
    }
}
