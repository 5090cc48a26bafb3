package io.qapi.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qapi.runtime.api.Command;
import io.qapi.runtime.api.Json;
import io.qapi.runtime.transport.Endpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A server on a unix socket in a fresh directory, closed after each test. */
abstract class ServerFixture {
    @TempDir
    Path dir;

    QmpServer server;

    static Command sleeper(String name, long millis, boolean oob) {
        return new Command(name, List.of(), true, oob, true, (arguments, in) -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Json.string(name);
        });
    }

    Endpoint start(List<Command> commands, ServerOptions options) throws IOException {
        server = new QmpServer(commands, options);
        return server.listen(Endpoint.unix(dir.resolve("qmp.sock")));
    }

    Endpoint start(List<Command> commands) throws IOException {
        return start(commands, ServerOptions.defaults());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    static RawConnection negotiated(Endpoint endpoint, boolean oob) throws Exception {
        RawConnection qmp = new RawConnection(endpoint);
        qmp.line();
        qmp.send(
                oob
                        ? "{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": [\"oob\"]}}"
                        : "{\"execute\": \"qmp_capabilities\"}");
        assertEquals("{\"return\": {}}", qmp.text());
        return qmp;
    }
}
