package io.qapi.bench;

import com.palantir.javapoet.JavaFile;
import io.qapi.compiler.QapiCompiler;
import io.qapi.compiler.diag.Diagnostics;
import io.qapi.compiler.gen.Defines;
import io.qapi.compiler.gen.GenOptions;
import io.qapi.compiler.gen.JavaGenerator;
import io.qapi.compiler.model.Schema;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Java generation from a whole schema, warm, in process (QEMU 11.0's QMP schema by default).
 * The sources are rendered to strings, not written, so the figures leave the disk out.
 *
 * <ul>
 *   <li>{@code schemaToSources}: what {@code qapic generate} does after the front end: every
 *       target, specs built and rendered;</li>
 *   <li>{@code frontEndAndSources}: the same, including parse and check;</li>
 *   <li>{@code renderOnly}: JavaPoet rendering already built specs, which is the part of the
 *       work that no generator change can remove while JavaPoet emits the text.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class GenerateBenchmark {

    @Param("../shared/qemu/v11.0.0/qapi/qapi-schema.json")
    public String schema;

    private Schema model;
    private List<JavaFile> built;
    private final GenOptions options =
            new GenOptions("org.example.qmp", Defines.EVERYTHING, EnumSet.noneOf(GenOptions.Target.class));

    @Setup
    public void setUp() {
        model = compile();
        built = build(model);
    }

    private Schema compile() {
        QapiCompiler.Result result = QapiCompiler.compile(schema, QapiCompiler.Options.DEFAULT);
        if (!result.ok()) {
            throw new IllegalStateException(result.errors().toString());
        }
        return result.schema();
    }

    private List<JavaFile> build(Schema from) {
        Diagnostics diagnostics = new Diagnostics(false);
        List<JavaFile> files = JavaGenerator.generate(from, options, diagnostics);
        if (diagnostics.hasErrors()) {
            throw new IllegalStateException(diagnostics.errors().toString());
        }
        return files;
    }

    private static long render(List<JavaFile> files) {
        return files.parallelStream().mapToLong(f -> f.toString().length()).sum();
    }

    @Benchmark
    public long schemaToSources() {
        return render(build(model));
    }

    @Benchmark
    public long frontEndAndSources() {
        return render(build(compile()));
    }

    @Benchmark
    public long renderOnly() {
        return render(built);
    }
}
