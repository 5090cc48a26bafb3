package io.qapi.maven;

import io.qapi.compiler.gen.PlannedFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The files of several root schemas generated into one output directory. Each root schema has
 * its own {@code Client}, {@code Server}, {@code Dispatcher}, {@code Events},
 * {@code Introspection}, … in the base package, so two roots would overwrite each other's.
 * That is an error naming both schemas rather than a renaming: the names are the API that
 * code is written against, and adding a second schema must not rename the first one's classes.
 */
final class RootPlans {
    private RootPlans() {}

    /**
     * Every root's files, or a failure naming the first two roots that plan the same file.
     *
     * @param plans     per root schema, in order, the files planned from it
     * @param sourceDir the schemas' directory, for naming them shortly
     */
    static List<PlannedFile> merge(Map<Path, List<PlannedFile>> plans, Path sourceDir) throws MojoFailureException {
        Map<String, Path> plannedBy = new LinkedHashMap<>();
        List<PlannedFile> files = new ArrayList<>();
        for (Map.Entry<Path, List<PlannedFile>> plan : plans.entrySet()) {
            Path root = plan.getKey();
            List<String> shared = new ArrayList<>();
            Path other = null;
            for (PlannedFile file : plan.getValue()) {
                Path first = plannedBy.putIfAbsent(file.relativePath(), root);
                if (first != null && other == null) {
                    other = first;
                }
                if (first != null && first.equals(other)) {
                    shared.add(file.relativePath());
                }
                files.add(file);
            }
            if (other != null) {
                throw new MojoFailureException(
                        clash(SchemaFiles.shortName(other, sourceDir), SchemaFiles.shortName(root, sourceDir), shared));
            }
        }
        return files;
    }

    private static String clash(String first, String second, List<String> shared) {
        String java = shared.get(0).replaceAll("\\.java$", "").replace('/', '.');
        String more = shared.size() == 1 ? "" : " and " + (shared.size() - 1) + " more";
        return "qapi: schemas " + first + " and " + second + " both generate " + java + more
                + "; generate each root schema in an execution of its own, with its own <packageName> and "
                + "<outputDirectory>, or include one schema from the other";
    }
}
