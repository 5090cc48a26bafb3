package io.qapi.runtime.introspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qapi.runtime.server.Captures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema comparison, on small schemas and on the real ones QEMU 7.2 reports. */
public class SchemaCheckTest {
    public static JsonNode schema(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode real(String file) throws IOException {
        return new ObjectMapper().readTree(Captures.file(file).toFile()).path("return");
    }

    @Test
    void sameSchemaNoDifference() throws IOException {
        JsonNode qemu = real("x86-none/query-qmp-schema.json");
        SchemaDiff diff = SchemaCheck.compare(qemu, qemu);
        assertTrue(diff.isEmpty(), diff.toString());
        assertTrue(
                diff.deprecated().stream()
                        .anyMatch(d -> d.toString().equals("deprecated by the server: command drive-backup")),
                diff.deprecated().toString());
    }

    @Test
    void maskedNamesDoNotMatterStructureDoes() {
        JsonNode mine = schema("""
                [{"name": "blockdev-del", "meta-type": "command", "arg-type": "0", "ret-type": "1"},
                 {"name": "BLOCK_JOB", "meta-type": "event", "arg-type": "2"},
                 {"name": "0", "meta-type": "object", "members": [
                    {"name": "node-name", "type": "str"},
                    {"name": "mode", "type": "3", "default": null},
                    {"name": "old", "type": "int", "default": null}]},
                 {"name": "1", "meta-type": "object", "members": []},
                 {"name": "2", "meta-type": "object", "members": [{"name": "type", "type": "3"}]},
                 {"name": "3", "meta-type": "enum", "values": ["a", "b"]},
                 {"name": "str", "meta-type": "builtin", "json-type": "string"},
                 {"name": "int", "meta-type": "builtin", "json-type": "int"}]""");
        JsonNode theirs = schema("""
                [{"name": "blockdev-del", "meta-type": "command", "arg-type": "7", "ret-type": "8"},
                 {"name": "query-new", "meta-type": "command", "arg-type": "8", "ret-type": "8"},
                 {"name": "7", "meta-type": "object", "members": [
                    {"name": "node-name", "type": "int"},
                    {"name": "mode", "type": "9", "default": null, "features": ["deprecated"]},
                    {"name": "force", "type": "str"}]},
                 {"name": "8", "meta-type": "object", "members": []},
                 {"name": "9", "meta-type": "enum", "values": ["a", "c"],
                  "members": [{"name": "a", "features": ["deprecated"]}, {"name": "c"}]},
                 {"name": "str", "meta-type": "builtin", "json-type": "string"},
                 {"name": "int", "meta-type": "builtin", "json-type": "int"}]""");
        assertEquals(
                List.of(
                        "type differs: str became int in blockdev-del arguments.node-name",
                        "missing on the server: value 'b' in blockdev-del arguments.mode",
                        "not known to the client: value 'c' in blockdev-del arguments.mode",
                        "missing on the server: member 'old' in blockdev-del arguments",
                        "not known to the client: member 'force' (mandatory) in blockdev-del arguments",
                        "not known to the client: command query-new",
                        "missing on the server: event BLOCK_JOB",
                        "deprecated by the server: member 'mode' in blockdev-del arguments",
                        "deprecated by the server: value 'a' in blockdev-del arguments.mode"),
                List.of(SchemaCheck.compare(mine, theirs).toString().split("\n")));
    }

    @Test
    void x86AndArmSchemasOfTheSameReleaseDiffer() throws IOException {
        SchemaDiff diff =
                SchemaCheck.compare(real("x86-none/query-qmp-schema.json"), real("aarch64/query-qmp-schema.json"));
        List<String> lines = diff.differences().stream().map(Object::toString).toList();
        assertTrue(lines.contains("missing on the server: command query-sev"), diff.toString());
        assertTrue(lines.contains("not known to the client: command query-gic-capabilities"), diff.toString());
    }
}
