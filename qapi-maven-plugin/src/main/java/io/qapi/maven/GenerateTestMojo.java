package io.qapi.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Generates Java from the QAPI schemas of {@code src/test/qapi} into the test sources. */
@Mojo(name = "generate-test", defaultPhase = LifecyclePhase.GENERATE_TEST_SOURCES, threadSafe = true)
public class GenerateTestMojo extends AbstractGenerateMojo {

    /** Where the schemas are. */
    @Parameter(defaultValue = "${project.basedir}/src/test/qapi")
    private File sourceDirectory;

    /** Where the generated sources go; it becomes a test compile source root. */
    @Parameter(defaultValue = "${project.build.directory}/generated-test-sources/qapi")
    private File outputDirectory;

    @Override
    protected File sourceDirectory() {
        return sourceDirectory;
    }

    @Override
    protected File outputDirectory() {
        return outputDirectory;
    }

    @Override
    protected void addSourceRoot(String directory) {
        project.addTestCompileSourceRoot(directory);
    }
}
