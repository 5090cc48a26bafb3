package io.qapi.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Generates Java from the QAPI schemas of {@code src/main/qapi} into the main sources. */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractGenerateMojo {
    public GenerateMojo() {
        super(SourceSet.MAIN);
    }
}
