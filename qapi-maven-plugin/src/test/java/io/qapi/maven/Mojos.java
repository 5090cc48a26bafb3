package io.qapi.maven;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.Mojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.project.MavenProject;

/**
 * Mojos configured as Maven configures them: parameters are injected into their fields, the
 * project and the execution included. One project stands for one Maven build of one module.
 */
final class Mojos {
    private final MavenProject project = new MavenProject();
    private final Path basedir;

    Mojos(Path basedir) {
        this.basedir = basedir;
        project.getBuild().setDirectory(basedir.resolve("target").toString());
    }

    MavenProject project() {
        return project;
    }

    /**
     * The generate goal of execution {@code executionId}, with src/main/qapi, the default output
     * directory, every target and no defines; {@link #set} changes the rest.
     */
    GenerateMojo generate(String executionId, String packageName, RecordingLog log) {
        GenerateMojo mojo = new GenerateMojo();
        MojoDescriptor descriptor = new MojoDescriptor();
        descriptor.setGoal("generate");
        set(mojo, "project", project);
        set(mojo, "execution", new MojoExecution(descriptor, executionId));
        set(mojo, "pluginVersion", "test");
        set(mojo, "packageName", packageName);
        set(mojo, "sourceDirectory", basedir.resolve("src/main/qapi").toFile());
        set(
                mojo,
                "outputDirectory",
                basedir.resolve("target/generated-sources/qapi").toFile());
        mojo.setLog(log);
        return mojo;
    }

    /** Sets a parameter field, declared by the mojo's class or a superclass. */
    static <M extends Mojo> M set(M mojo, String name, Object value) {
        for (Class<?> c = mojo.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                field.set(mojo, value);
                return mojo;
            } catch (NoSuchFieldException e) {
                // declared further up
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalArgumentException("no parameter " + name + " in " + mojo.getClass());
    }

    static List<String> list(String... values) {
        return new ArrayList<>(List.of(values));
    }
}
