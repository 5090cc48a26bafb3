package io.qapi.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The {@code query-qmp-schema} reply of QEMU 7.2 (x86_64, {@code -machine none}), as captured. */
final class SchemaFixture {
    private static final JsonNode QEMU_7_2 = read("qemu-7.2-x86_64-query-qmp-schema.json");

    private SchemaFixture() {
    }

    static JsonNode qemu72() {
        return QEMU_7_2;
    }

    static ServerSchema qemu72Schema() {
        return ServerSchema.of(QEMU_7_2);
    }

    private static JsonNode read(String resource) {
        try (InputStream in = SchemaFixture.class.getResourceAsStream(resource)) {
            return new JsonMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
