package io.qapi.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qapi.compiler.dump.IrDump;
import io.qapi.testsupport.SharedQemu;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** QEMU's real schemas from {@code ../shared}: accepted, and dumped exactly as QEMU dumps them. */
class QemuSchemasTest {

    @ParameterizedTest
    @CsvSource({
        "v11.0.0, qapi/qapi-schema.json, false",
        "v11.0.0, qga/qapi-schema.json, false",
        "v11.0.0, storage-daemon/qapi/qapi-schema.json, false",
        "v7.2.0, qapi/qapi-schema.json, true",
        "v7.2.0, qga/qapi-schema.json, true",
        "v7.2.0, storage-daemon/qapi/qapi-schema.json, true",
    })
    void realSchemasAreAccepted(String release, String schema, boolean lenient) {
        Path root = SharedQemu.dir().resolve(release).resolve(schema);
        var result = QapiCompiler.compile(root.toString(), new QapiCompiler.Options(lenient, false));
        assertTrue(result.ok(), () -> result.errors().toString());
    }

    /**
     * The SHA-256 of what QEMU 11.0's test driver prints for each schema (about 26,000 lines for
     * QMP), so that the comparison is exact without keeping QEMU's output here.
     */
    @ParameterizedTest
    @CsvSource({
        "qapi/qapi-schema.json, 881f91c49131a6d54a38cc6529ef9dee0cfcb74550eb215960eb397847b020cd",
        "qga/qapi-schema.json, c3826f92acccee8f3a5fe054e1b60c275bcbdf4959b6fa2fec64a46be9b502b9",
        "storage-daemon/qapi/qapi-schema.json, 654a76057034721128488e39192dc5a702f241eef6458e397927ce8dc14e5d83",
    })
    void dumpsMatchQemuByteForByte(String schema, String sha256) throws Exception {
        Path root = SharedQemu.dir().resolve("v11.0.0").resolve(schema);
        var result = QapiCompiler.compile(root.toString(), QapiCompiler.Options.DEFAULT);
        assertTrue(result.ok(), () -> result.errors().toString());
        byte[] dump = IrDump.print(result.schema()).getBytes(StandardCharsets.UTF_8);
        String actual =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(dump));
        assertEquals(sha256, actual);
    }
}
