package io.qapi.compiler.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One source file the generator will write, not built yet. Building it notes what its content
 * depends on: the definitions it was planned from and every definition the generators read
 * while building it (by {@link GenContext#type}, {@link GenContext#lookup}, ...). Given those
 * names, {@link #digest} fingerprints them in the current schema; equal digests mean the file
 * would come out byte for byte the same, so a writer that kept the names and digest of its last
 * write can skip building and rendering the file.
 */
public final class PlannedFile {
    private final ClassName name;
    private final List<String> plannedFrom;
    private final Supplier<JavaFile> build;
    private final GenContext ctx;
    private final Fingerprints fingerprints;

    PlannedFile(
            ClassName name,
            List<String> plannedFrom,
            Supplier<JavaFile> build,
            GenContext ctx,
            Fingerprints fingerprints) {
        this.name = name;
        this.plannedFrom = List.copyOf(plannedFrom);
        this.build = build;
        this.ctx = ctx;
        this.fingerprints = fingerprints;
    }

    /** The file's path below the output directory: {@code org/example/qmp/Foo.java}. */
    public String relativePath() {
        return name.packageName().replace('.', '/') + "/" + name.simpleName() + ".java";
    }

    /** The fingerprint of these dependencies in the schema this file was planned from. */
    public String digest(List<String> dependencies) {
        return fingerprints.digest(dependencies);
    }

    /** Builds the file; the result names what it depends on and their current digest. */
    public Built build() {
        GenContext.Recorded<JavaFile> recorded = ctx.recording(build);
        JavaFile file = recorded.value();
        if (!file.packageName().equals(name.packageName())
                || !file.typeSpec().name().equals(name.simpleName())) {
            throw new IllegalStateException("planned " + name + " but built " + file.packageName() + "."
                    + file.typeSpec().name());
        }
        Set<String> dependencies = new LinkedHashSet<>(plannedFrom);
        dependencies.addAll(recorded.reads());
        List<String> names = new ArrayList<>(dependencies);
        return new Built(file, names, digest(names));
    }

    /** A built file, the names of the definitions its content depends on, and their digest. */
    public record Built(JavaFile file, List<String> dependencies, String digest) {}

    @Override
    public String toString() {
        return relativePath();
    }
}
