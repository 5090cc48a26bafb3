package io.qapi.runtime.server;

import io.qapi.runtime.api.Command;
import io.qapi.runtime.api.Json;
import io.qapi.runtime.transport.Endpoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A server in a process of its own, for tests that kill it: {@link TinyQemu}'s commands plus
 * {@code sleep} ({@code {"ms": N}}), on the unix socket named by the argument. Prints
 * {@code ready} when it listens.
 */
public final class ServerMain {
    private ServerMain() {}

    public static void main(String[] args) throws Exception {
        List<Command> commands = new ArrayList<>(new TinyQemu().commands());
        commands.add(new Command("sleep", List.of(), true, false, true, (arguments, in) -> {
            try {
                Thread.sleep(arguments.path("ms").asLong());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Json.object();
        }));
        QmpServer server = new QmpServer(commands);
        server.listen(Endpoint.unix(Path.of(args[0])));
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
