package io.qapi.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Generates Java from the QAPI schemas of {@code src/main/qapi} into the main sources. */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractGenerateMojo {

    /** Where the schemas are. */
    @Parameter(defaultValue = "${project.basedir}/src/main/qapi")
    private File sourceDirectory;

    /** Where the generated sources go; it becomes a compile source root. */
    @Parameter(defaultValue = "${project.build.directory}/generated-sources/qapi")
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
        project.addCompileSourceRoot(directory);
    }
}
