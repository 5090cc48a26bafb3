package io.qapi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qapi.runtime.api.Input;
import io.qapi.runtime.api.ObjectReader;
import io.qapi.schema.introspect.SchemaInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Decoding a real {@code query-qmp-schema} reply (QEMU 7.2, about 207 KB, 1,051 entries) into
 * generated types, against Jackson's plain tree parse of the same bytes: the typed decode is a
 * tree parse plus the walk, so the ratio of the two scores is what the walk costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class DecodeBenchmark {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Param("../shared/qemu/real-7.2/out/x86-none/raw/query-qmp-schema.raw.json")
    public String reply;

    private byte[] bytes;

    @Setup
    public void setUp() throws IOException {
        bytes = Files.readAllBytes(Path.of(reply));
    }

    @Benchmark
    public JsonNode jacksonTree() throws IOException {
        return MAPPER.readTree(bytes);
    }

    @Benchmark
    public List<SchemaInfo> typed() throws IOException {
        JsonNode value = MAPPER.readTree(bytes).get("return");
        return ObjectReader.listOf(SchemaInfo.DECODER).decode(Input.LENIENT, value, "");
    }
}
