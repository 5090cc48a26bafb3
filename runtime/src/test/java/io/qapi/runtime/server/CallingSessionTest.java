package io.qapi.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qapi.runtime.api.Command;
import io.qapi.runtime.api.Json;
import io.qapi.runtime.transport.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A command handler learns which connection its request came over, and only while it runs; what
 * it leaves to follow its reply runs once the reply is queued.
 */
class CallingSessionTest extends ServerFixture {

    @Test
    void aHandlerSeesThePeerOfTheSessionThatSentTheCommand() throws Exception {
        Command whoAmI = Command.named("who-am-i")
                .handler((arguments, in) -> Json.string(CallingSession.peer().orElse("nobody")));
        Endpoint endpoint = start(List.of(whoAmI));
        try (RawConnection qmp = negotiated(endpoint, false)) {
            qmp.send("{\"execute\": \"who-am-i\"}");
            assertEquals("{\"return\": \"unix:" + dir.resolve("qmp.sock") + "\"}", qmp.text());
        }
    }

    @Test
    void aFollowUpRunsAfterTheReplyIsQueuedSoItsEventComesSecond() throws Exception {
        Command leave = Command.named("leave").handler((arguments, in) -> {
            CallingSession.afterReply(() -> server.emit("GONE", Json.object()));
            return Json.string("bye");
        });
        Endpoint endpoint = start(List.of(leave));
        try (RawConnection qmp = negotiated(endpoint, false)) {
            for (int i = 0; i < 20; i++) { // the first runs queued, the later ones inline once known quick
                qmp.send("{\"execute\": \"leave\"}");
                assertEquals("{\"return\": \"bye\"}", qmp.text());
                assertTrue(qmp.text().contains("\"event\": \"GONE\""));
            }
        }
    }

    @Test
    void aFollowUpOutsideACommandRunsAtOnce() {
        List<String> ran = new ArrayList<>();
        CallingSession.afterReply(() -> ran.add("now"));
        assertEquals(List.of("now"), ran);
    }

    @Test
    void outsideACommandThereIsNoCallingSession() {
        assertEquals(Optional.empty(), CallingSession.peer());
        assertEquals(
                "inner",
                CallingSession.during(
                        "unix:/a", () -> CallingSession.peer().orElseThrow().equals("unix:/a") ? "inner" : "wrong"));
        assertEquals(Optional.empty(), CallingSession.peer());
    }
}
