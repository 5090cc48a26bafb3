package io.qapi.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qapi.runtime.json.JsonWriter;
import io.qapi.runtime.transport.Endpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every case QEMU 7.2 was seen to answer (the error table, negotiation, out-of-band), replayed
 * against our server with {@link TinyQemu}'s commands: the replies must be the same bytes,
 * members in the same order, none more and none fewer.
 */
class ErrorRowsTest {
    @TempDir
    Path dir;

    QmpServer server;
    Endpoint endpoint;

    @BeforeEach
    void start() throws IOException {
        server = new QmpServer(new TinyQemu().commands());
        endpoint = server.listen(Endpoint.unix(dir.resolve("qmp.sock")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void errorTable() throws Exception {
        JsonNode cases = new ObjectMapper()
                .readTree(Captures.file("x86-none/errors.json").toFile());
        try (RawConnection qmp = new RawConnection(endpoint)) {
            negotiate(qmp, "{\"execute\": \"qmp_capabilities\"}\n");
            int sync = 0;
            for (JsonNode row : cases) {
                List<String> expected = new ArrayList<>();
                row.path("replies").forEach(r -> expected.add(JsonWriter.INSERTION.text(r)));
                assertEquals(
                        expected,
                        Exchanges.exchange(qmp, Exchanges.sent(row), ++sync),
                        row.path("case").asText());
            }
        }
    }

    static void negotiate(RawConnection qmp, String capabilities) throws Exception {
        assertEquals(
                "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 22, \"minor\": 2, \"major\": 7}, "
                        + "\"package\": \"Debian 1:7.2+dfsg-7+deb12u18+b3\"}, \"capabilities\": [\"oob\"]}}",
                Exchanges.negotiate(qmp, capabilities));
    }

    @Test
    void negotiation() throws Exception {
        try (RawConnection qmp = new RawConnection(endpoint)) {
            qmp.line();
            qmp.send("{\"execute\": \"query-version\"}\n");
            assertEquals(
                    "{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"Expecting capabilities negotiation "
                            + "with 'qmp_capabilities'\"}}",
                    qmp.text());
            qmp.send("{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": [\"foo\"]}}\n");
            assertEquals(
                    "{\"error\": {\"class\": \"GenericError\", \"desc\": \"Parameter 'null' does not accept value "
                            + "'foo'\"}}",
                    qmp.text());
            qmp.send("{\"execute\": \"qmp_capabilities\"}\n");
            assertEquals("{\"return\": {}}", qmp.text());
            qmp.send("{\"execute\": \"qmp_capabilities\"}\n");
            assertEquals(
                    "{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"Capabilities negotiation is already "
                            + "complete, command ignored\"}}",
                    qmp.text());
        }
    }

    @Test
    void outOfBandCases() throws Exception {
        JsonNode cases =
                new ObjectMapper().readTree(Captures.file("oob/oob.json").toFile());
        try (RawConnection qmp = new RawConnection(endpoint)) {
            qmp.line();
            for (JsonNode row : cases) {
                if (!row.has("sent")) {
                    continue; // the burst: ordering is tested in ServerTest
                }
                List<String> expected = new ArrayList<>();
                row.path("replies").forEach(r -> expected.add(JsonWriter.INSERTION.text(r)));
                // One reply each. Not fenced with a sync command: an out-of-band reply may come
                // after the reply to a later in-band command.
                assertEquals(
                        expected,
                        List.of(send(qmp, row.path("sent").asText())),
                        row.path("case").asText());
            }
        }
    }

    @Test
    void withoutOobTheMemberIsUnexpected() throws Exception {
        try (RawConnection qmp = new RawConnection(endpoint)) {
            negotiate(qmp, "{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": []}}\n");
            assertEquals(
                    List.of("{\"id\": \"y\", \"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input member "
                            + "'exec-oob' is unexpected\"}}"),
                    Exchanges.exchange(qmp, List.of("{\"exec-oob\": \"query-yank\", \"id\": \"y\"}"), 1));
        }
    }

    private static String send(RawConnection qmp, String text) throws Exception {
        qmp.send(text);
        return qmp.text();
    }
}
