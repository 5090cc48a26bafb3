package io.qapi.shell;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The {@code query-qmp-schema} reply of the installed QEMU 7.2 ({@code qemu-system-x86_64
 * -machine none}), asked for once over {@code -qmp stdio}. The tests that use it are skipped,
 * saying so, where the binary is not installed.
 */
final class SchemaFixture {
    private static final Path BINARY = Path.of("/usr/bin/qemu-system-x86_64");
    private static JsonNode schema;

    private SchemaFixture() {}

    static synchronized JsonNode qemu72() {
        assumeTrue(Files.isExecutable(BINARY), BINARY + " is not installed: the tests on QEMU's schema are skipped");
        if (schema == null) {
            schema = ask();
        }
        return schema;
    }

    static ServerSchema qemu72Schema() {
        return ServerSchema.of(qemu72());
    }

    private static JsonNode ask() {
        JsonMapper json = new JsonMapper();
        try {
            Process qemu = new ProcessBuilder(
                            BINARY.toString(), "-machine", "none", "-nodefaults", "-display", "none", "-qmp", "stdio")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try (Writer in = qemu.outputWriter(StandardCharsets.UTF_8);
                    BufferedReader out =
                            new BufferedReader(new InputStreamReader(qemu.getInputStream(), StandardCharsets.UTF_8))) {
                in.write("{\"execute\":\"qmp_capabilities\"}\n{\"execute\":\"query-qmp-schema\"}\n");
                in.flush();
                for (String line; (line = out.readLine()) != null; ) {
                    JsonNode message = json.readTree(line);
                    if (message.path("return").isArray()) {
                        return message.get("return");
                    }
                }
                throw new IllegalStateException(BINARY + " did not answer query-qmp-schema");
            } finally {
                qemu.destroy();
                qemu.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
