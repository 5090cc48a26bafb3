package io.qapi.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Sending the recorded cases of the real-7.2 captures and collecting exactly the replies each gets. */
public final class Exchanges {
    private Exchanges() {}

    /** The bytes a recorded row sent; one row describes its two writes in words. */
    public static List<String> sent(JsonNode row) {
        String sent = row.path("sent").asText();
        if (sent.contains("\\n then ")) {
            return List.of("{\"execute\": \"query-version\"\n", "}\n");
        }
        return List.of(sent);
    }

    /**
     * Sends {@code writes}, then a {@code query-status} with a fresh id, and returns the lines
     * that came before its reply: the replies to {@code writes}, however many (none, two).
     */
    public static List<String> exchange(RawConnection qmp, List<String> writes, int sync) throws Exception {
        for (String write : writes) {
            qmp.send(write);
        }
        String syncId = "sync-" + sync;
        qmp.send("{\"execute\": \"query-status\", \"id\": \"" + syncId + "\"}\n");
        List<String> lines = new ArrayList<>();
        for (String line = qmp.text(); !line.endsWith("\"id\": \"" + syncId + "\"}"); line = qmp.text()) {
            lines.add(line);
        }
        return lines;
    }

    /** Reads the greeting and negotiates with {@code capabilities} (the whole command). */
    public static String negotiate(RawConnection qmp, String capabilities) throws Exception {
        String greeting = qmp.text();
        qmp.send(capabilities);
        assertEquals("{\"return\": {}}", qmp.text());
        return greeting;
    }
}
