package io.qapi.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Generates Java from the QAPI schemas of {@code src/test/qapi} into the test sources. */
@Mojo(name = "generate-test", defaultPhase = LifecyclePhase.GENERATE_TEST_SOURCES, threadSafe = true)
public class GenerateTestMojo extends AbstractGenerateMojo {
    public GenerateTestMojo() {
        super(SourceSet.TEST);
    }
}
