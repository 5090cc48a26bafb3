package io.qapi.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.runtime.api.Command;
import io.qapi.runtime.api.Decoders;
import io.qapi.runtime.api.Json;
import io.qapi.runtime.api.ObjectReader;
import io.qapi.runtime.api.QmpError;
import io.qapi.runtime.protocol.Greeting;
import io.qapi.runtime.server.QmpServer;
import io.qapi.runtime.server.ServerOptions;
import io.qapi.runtime.transport.Endpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * An in-process QMP server with a few of QEMU 7.2's commands, answering {@code query-qmp-schema}
 * with QEMU's real schema; it records every command it runs, with its arguments.
 */
final class FakeQemu implements AutoCloseable {
    /** What the server ran: command name and arguments, in order. */
    record Call(String command, JsonNode arguments) {}

    final List<Call> calls = new CopyOnWriteArrayList<>();
    /** query-name answers only once this is counted down: a command that takes its time. */
    final CountDownLatch nameReleased = new CountDownLatch(1);

    private final QmpServer server;
    final Endpoint endpoint;
    private volatile boolean running;

    FakeQemu(Path socket, boolean withSchema) throws IOException {
        List<Command> commands = new ArrayList<>();
        if (withSchema) {
            commands.add(command("query-qmp-schema", r -> SchemaFixture.qemu72()));
        }
        commands.add(command("query-status", r -> {
            ObjectNode status = Json.object();
            status.put("running", running);
            status.put("status", running ? "running" : "prelaunch");
            return status;
        }));
        commands.add(command("stop", r -> run(false, "STOP")));
        commands.add(command("query-name", r -> {
            try {
                nameReleased.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Json.object();
        }));
        commands.add(command("cont", r -> run(true, "RESUME")));
        commands.add(command("qom-get", r -> {
            String path = r.required("path", Decoders.STR);
            r.required("property", Decoders.STR);
            if (!path.equals("/machine")) {
                throw new QmpError(QmpError.DEVICE_NOT_FOUND, "Device '" + path + "' not found");
            }
            return Json.string("none-machine");
        }));
        commands.add(command("device_add", r -> {
            throw QmpError.generic("No 'PCI' bus found for device '" + r.required("driver", Decoders.STR) + "'");
        }));
        server = new QmpServer(
                commands,
                ServerOptions.builder().version(Greeting.version(7, 2, 0, "")).build());
        endpoint = server.listen(Endpoint.unix(socket));
    }

    private JsonNode run(boolean run, String event) {
        running = run;
        server.emit(event, null);
        return Json.object();
    }

    /** A command that records its call, then runs {@code body} on its arguments. */
    private Command command(String name, Function<ObjectReader, JsonNode> body) {
        return Command.named(name).allowPreconfig().handler((arguments, in) -> {
            calls.add(new Call(name, arguments.deepCopy()));
            ObjectReader reader = in.object(arguments, "");
            JsonNode result = body.apply(reader);
            reader.finish();
            return result;
        });
    }

    /** Sends an event without data, as if something happened in the guest. */
    void emit(String event) {
        server.emit(event, null);
    }

    /** The names of the commands run, leaving out the shell's own {@code query-qmp-schema}. */
    List<String> commandsRun() {
        return calls.stream()
                .map(Call::command)
                .filter(c -> !c.equals("query-qmp-schema"))
                .toList();
    }

    @Override
    public void close() {
        nameReleased.countDown();
        server.close();
    }
}
