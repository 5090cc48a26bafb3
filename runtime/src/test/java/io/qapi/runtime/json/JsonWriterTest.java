package io.qapi.runtime.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.runtime.api.Json;
import io.qapi.runtime.protocol.Greeting;
import io.qapi.runtime.protocol.QmpMessages;
import io.qapi.runtime.protocol.Timestamp;
import io.qapi.runtime.server.Captures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The writer against bytes captured from QEMU 7.2. */
class JsonWriterTest {
    @Test
    void greetingIsByteForByteQemus() throws IOException {
        ObjectNode version = Greeting.version(7, 2, 22, "Debian 1:7.2+dfsg-7+deb12u18+b3");
        byte[] line = JsonWriter.QEMU.line(new Greeting(version, List.of("oob")).toJson());
        assertArrayEquals(Files.readAllBytes(Captures.file("x86-none/greeting.raw.txt")), line);
    }

    @Test
    void aValueWhoseTextIsKnownIsCopiedByAWriterOfItsOrder() {
        ObjectNode value = Json.object();
        value.put("singlestep", false);
        value.put("running", true);
        byte[] text = JsonWriter.QEMU.text(value).getBytes(StandardCharsets.US_ASCII);
        JsonNode encoded = EncodedJson.node(text, JsonWriter.KeyOrder.QEMU, () -> value);
        JsonNode id = Json.string("x1");
        assertEquals(
                JsonWriter.QEMU.text(QmpMessages.success(value, id)),
                JsonWriter.QEMU.text(QmpMessages.success(encoded, id)));
        // a writer of the other order writes the value itself
        assertEquals(
                JsonWriter.INSERTION.text(QmpMessages.success(value, id)),
                JsonWriter.INSERTION.text(QmpMessages.success(encoded, id)));
        // the text is copied as given: a marker text shows that the tree is not written again
        JsonNode marker = EncodedJson.node(
                "{\"known\": 1}".getBytes(StandardCharsets.US_ASCII), JsonWriter.KeyOrder.QEMU, () -> value);
        assertEquals(
                "{\"return\": {\"known\": 1}, \"id\": \"x1\"}", JsonWriter.QEMU.text(QmpMessages.success(marker, id)));
    }

    @Test
    void envelopesInQemusOrder() {
        JsonNode id = Json.string("x1");
        assertEquals(
                "{\"id\": \"x1\", \"error\": {\"class\": \"CommandNotFound\", \"desc\": \"d\"}}",
                JsonWriter.QEMU.text(QmpMessages.error("CommandNotFound", "d", id)));
        assertEquals("{\"return\": {}, \"id\": \"x1\"}", JsonWriter.QEMU.text(QmpMessages.success(Json.object(), id)));
        assertEquals(
                "{\"timestamp\": {\"seconds\": 1, \"microseconds\": 2}, \"event\": \"STOP\"}",
                JsonWriter.QEMU.text(QmpMessages.event("STOP", null, new Timestamp(1, 2))));
        // query-status, members added in schema order, comes out in QEMU's order
        ObjectNode status = Json.object();
        status.put("running", false);
        status.put("singlestep", false);
        status.put("status", "prelaunch");
        assertEquals(
                "{\"status\": \"prelaunch\", \"singlestep\": false, \"running\": false}", JsonWriter.QEMU.text(status));
    }

    /** Every reply captured raw from QEMU, read and written again, is the same bytes. */
    @Test
    void capturedRepliesRoundTrip() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        try (Stream<Path> files = Files.list(Captures.file("x86-none/raw"))) {
            for (Path file : files.toList()) {
                byte[] raw = Files.readAllBytes(file);
                JsonNode reply = mapper.readTree(raw);
                assertEquals(
                        new String(raw, StandardCharsets.UTF_8),
                        new String(JsonWriter.INSERTION.line(reply), StandardCharsets.UTF_8),
                        file.toString());
            }
        }
    }

    @Test
    void numbersAsPrintfG17() {
        assertEquals(
                "[1, 1.5, 0.10000000000000001, 1e+20, 1.0000000000000001e-05, 0.0001, -0, 1.2345678901234568e+17]",
                JsonWriter.QEMU.text(Json.array()
                        .add(1.0)
                        .add(1.5)
                        .add(0.1)
                        .add(1e20)
                        .add(1e-5)
                        .add(1e-4)
                        .add(-0.0)
                        .add(123456789012345680.0)));
    }

    @Test
    void bucketsAreQemus() {
        // pairs QEMU shows in this order
        String[][] ordered = {
            {"return", "id"},
            {"id", "error"},
            {"class", "desc"},
            {"qemu", "package"},
            {"version", "capabilities"},
            {"timestamp", "event"},
            {"event", "data"},
            {"seconds", "microseconds"}
        };
        for (String[] pair : ordered) {
            assertEquals(
                    List.of(pair[0], pair[1]),
                    List.of(QDictOrder.order(List.of(pair[1], pair[0]).iterator(), 2)));
        }
    }
}
