package io.qapi.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qapi.runtime.api.Command;
import io.qapi.runtime.api.Json;
import io.qapi.runtime.transport.Endpoint;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A command handler learns which connection its request came over, and only while it runs. */
class CallingSessionTest extends ServerFixture {

    @Test
    void aHandlerSeesThePeerOfTheSessionThatSentTheCommand() throws Exception {
        Command whoAmI = Command.named("who-am-i").handler((arguments, in) ->
                Json.string(CallingSession.peer().orElse("nobody")));
        Endpoint endpoint = start(List.of(whoAmI));
        try (RawConnection qmp = negotiated(endpoint, false)) {
            qmp.send("{\"execute\": \"who-am-i\"}");
            assertEquals("{\"return\": \"unix:" + dir.resolve("qmp.sock") + "\"}", qmp.text());
        }
    }

    @Test
    void outsideACommandThereIsNoCallingSession() {
        assertEquals(Optional.empty(), CallingSession.peer());
        assertEquals("inner", CallingSession.during("unix:/a", () -> CallingSession.peer().orElseThrow()
                .equals("unix:/a") ? "inner" : "wrong"));
        assertEquals(Optional.empty(), CallingSession.peer());
    }
}
