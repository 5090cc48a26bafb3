package io.qapi.runtime.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qapi.runtime.server.Captures;
import io.qapi.runtime.server.Exchanges;
import io.qapi.runtime.server.QmpServer;
import io.qapi.runtime.server.RawConnection;
import io.qapi.runtime.server.TinyQemu;
import io.qapi.runtime.transport.Endpoint;
import io.qapi.testsupport.QemuProcess;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same input, same answer: every row of the error table (§6 of the real-7.2 notes), and the
 * negotiation errors, sent both to our server (with {@link TinyQemu}'s commands) and to a live
 * QEMU 7.2. The replies must be equal line for line, which makes class and desc equal, and
 * also the ids, the member order and the number of replies (none, one or two).
 */
class ParityTest {
    @TempDir
    Path dir;

    @Test
    void errorTableRowsGetTheSameRepliesAsFromQemu() throws Exception {
        JsonNode rows = new ObjectMapper()
                .readTree(Captures.file("x86-none/errors.json").toFile());
        try (QemuProcess qemu = QemuProcess.start(dir);
                QmpServer server = new QmpServer(new TinyQemu().commands())) {
            try (RawConnection theirs = new RawConnection(Endpoint.unix(qemu.socket()));
                    RawConnection ours = new RawConnection(
                            server.listen(io.qapi.runtime.transport.Endpoint.unix(dir.resolve("ours.sock"))))) {
                String capabilities = "{\"execute\": \"qmp_capabilities\"}\n";
                assertEquals(Exchanges.negotiate(theirs, capabilities), Exchanges.negotiate(ours, capabilities));
                int sync = 0;
                for (JsonNode row : rows) {
                    List<String> sent = Exchanges.sent(row);
                    sync++;
                    assertEquals(
                            Exchanges.exchange(theirs, sent, sync),
                            Exchanges.exchange(ours, sent, sync),
                            row.path("case").asText());
                }
            }
        }
    }

    @Test
    void negotiationErrorsAreQemus() throws Exception {
        List<String> steps = List.of(
                "{\"execute\": \"query-version\"}",
                "{\"exec-oob\": \"query-yank\", \"id\": 1}",
                "{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": [\"foo\"]}}",
                "{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": \"oob\"}}",
                "{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": [1]}}",
                "{\"execute\": \"qmp_capabilities\", \"arguments\": {\"bogus\": 1}}",
                "{\"exec-oob\": \"qmp_capabilities\"}",
                "{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": [\"oob\"]}}",
                "{\"execute\": \"qmp_capabilities\"}",
                "{\"exec-oob\": \"qmp_capabilities\", \"id\": 2}");
        try (QemuProcess qemu = QemuProcess.start(dir);
                QmpServer server = new QmpServer(new TinyQemu().commands())) {
            try (RawConnection theirs = new RawConnection(Endpoint.unix(qemu.socket()));
                    RawConnection ours = new RawConnection(
                            server.listen(io.qapi.runtime.transport.Endpoint.unix(dir.resolve("ours.sock"))))) {
                assertEquals(theirs.text(), ours.text());
                for (String step : steps) {
                    theirs.send(step);
                    ours.send(step);
                    assertEquals(theirs.text(), ours.text(), step);
                }
            }
        }
    }
}
