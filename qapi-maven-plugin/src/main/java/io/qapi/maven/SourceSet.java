package io.qapi.maven;

import java.util.function.BiConsumer;
import org.apache.maven.project.MavenProject;

/**
 * Which of a project's source sets a goal generates for: where its schemas are by default,
 * where its generated sources go, and which source roots they join.
 */
enum SourceSet {
    MAIN("src/main/qapi", "generated-sources/qapi", MavenProject::addCompileSourceRoot),
    TEST("src/test/qapi", "generated-test-sources/qapi", MavenProject::addTestCompileSourceRoot);

    /** The schemas' directory, relative to the project's base directory. */
    final String schemas;
    /** The generated sources' directory, relative to the build directory. */
    final String generated;
    final BiConsumer<MavenProject, String> addSourceRoot;

    SourceSet(String schemas, String generated, BiConsumer<MavenProject, String> addSourceRoot) {
        this.schemas = schemas;
        this.generated = generated;
        this.addSourceRoot = addSourceRoot;
    }
}
