package io.qapi.maven;

import org.apache.maven.project.MavenProject;

/**
 * Which of a project's source sets a goal generates for: where its schemas are by default,
 * where its generated sources go, and which source roots they join.
 */
enum SourceSet {
    MAIN("src/main/qapi", "generated-sources/qapi"),
    TEST("src/test/qapi", "generated-test-sources/qapi");

    /** The schemas' directory, relative to the project's base directory. */
    final String schemas;
    /** The generated sources' directory, relative to the build directory. */
    final String generated;

    SourceSet(String schemas, String generated) {
        this.schemas = schemas;
        this.generated = generated;
    }

    /** Makes {@code directory} one of the project's source roots of this set. */
    void addSourceRoot(MavenProject project, String directory) {
        if (this == MAIN) {
            project.addCompileSourceRoot(directory);
        } else {
            project.addTestCompileSourceRoot(directory);
        }
    }
}
