package io.qapi.bench;

import io.qapi.compiler.QapiCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Parse and check of a whole schema, warm, in process: QEMU 11.0's QMP schema by default
 * ({@code -p schema=...} for another).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class FrontEndBenchmark {

    @Param("../shared/qemu/v11.0.0/qapi/qapi-schema.json")
    public String schema;

    @Setup
    public void setUp() {
        if (!Files.isRegularFile(Path.of(schema))) {
            throw new IllegalStateException(
                    "schema not found: " + Path.of(schema).toAbsolutePath());
        }
    }

    @Benchmark
    public QapiCompiler.Result parseAndCheck() {
        QapiCompiler.Result result = QapiCompiler.compile(schema, QapiCompiler.Options.DEFAULT);
        if (!result.ok()) {
            throw new IllegalStateException(result.errors().toString());
        }
        return result;
    }
}
