package io.qapi.it.qemu;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qapi.compiler.QapiCompiler;
import io.qapi.compiler.gen.introspect.Introspection;
import io.qapi.compiler.gen.introspect.JsonWriter;
import io.qapi.runtime.client.ClientOptions;
import io.qapi.runtime.client.QmpClient;
import io.qapi.runtime.introspect.SchemaDiff;
import io.qapi.runtime.transport.Endpoint;
import io.qapi.testsupport.QemuProcess;
import io.qapi.testsupport.SharedQemu;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema check at connect, against the real QEMU 7.2: a client generated from QEMU 7.2.0's
 * schema (with the build's symbols defined) finds no difference; one generated from 11.0.0
 * lists what changed since.
 */
class SchemaCheckTest {
    @TempDir
    Path dir;

    /** What {@code query-qmp-schema} a client generated from {@code schema} carries. */
    static JsonNode introspection(Path schema, boolean lenient, Path defines) throws IOException {
        QapiCompiler.Result result = QapiCompiler.compile(schema.toString(), new QapiCompiler.Options(lenient, false));
        assertTrue(result.ok(), result.errors().toString());
        var reply = defines == null
                ? Introspection.replyWithEverything(result.schema(), false)
                : Introspection.reply(result.schema(), false, new LinkedHashSet<>(Files.readAllLines(defines)));
        return new ObjectMapper().readTree(JsonWriter.compact(reply));
    }

    @Test
    void clientOf720MatchesTheBinaryAndClientOf1100ListsTheDifferences() throws Exception {
        QemuProcess.assumeInstalled();
        Path defines = Path.of("../qapi-compiler/src/test/resources/introspect/qemu-7.2-x86_64.defines");
        assumeTrue(Files.exists(defines), defines + " not found: skipped");
        JsonNode v720 = introspection(SharedQemu.path("v7.2.0/qapi/qapi-schema.json"), true, defines);
        JsonNode v1100 = introspection(SharedQemu.path("v11.0.0/qapi/qapi-schema.json"), false, null);
        try (QemuProcess qemu = QemuProcess.start("none", dir)) {
            try (QmpClient qmp = QmpClient.connect(
                    Endpoint.unix(qemu.socket()), ClientOptions.defaults().withSchemaCheck(v720))) {
                SchemaDiff diff = qmp.schemaDiff().orElseThrow();
                assertTrue(diff.isEmpty(), diff.toString());
                assertTrue(
                        diff.deprecated().stream()
                                .anyMatch(d -> d.toString().equals("deprecated by the server: command drive-backup")),
                        diff.deprecated().toString());
            }
            try (QmpClient qmp = QmpClient.connect(
                    Endpoint.unix(qemu.socket()), ClientOptions.defaults().withSchemaCheck(v1100))) {
                SchemaDiff diff = qmp.schemaDiff().orElseThrow();
                System.out.println("11.0.0 client against QEMU 7.2: " + diff.summary() + "\n  "
                        + String.join(
                                "\n  ",
                                diff.of(SchemaDiff.Kind.TYPE_CHANGED).stream()
                                        .map(Object::toString)
                                        .toList()));
                List<String> lines =
                        diff.differences().stream().map(Object::toString).toList();
                assertTrue(lines.contains("missing on the server: command query-accelerators"), diff.toString());
                assertTrue(lines.size() > 50, diff.toString());
            }
        }
    }
}
