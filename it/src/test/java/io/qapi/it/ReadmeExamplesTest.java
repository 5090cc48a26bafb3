package io.qapi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.runtime.api.Json;
import io.qapi.runtime.api.QmpError;
import io.qapi.runtime.client.ClientOptions;
import io.qapi.runtime.client.EventSubscription;
import io.qapi.runtime.client.QmpClient;
import io.qapi.runtime.client.QmpListener;
import io.qapi.runtime.client.TimedEvent;
import io.qapi.runtime.protocol.Greeting;
import io.qapi.runtime.protocol.QmpEvent;
import io.qapi.runtime.server.CompatPolicy;
import io.qapi.runtime.server.EventThrottle;
import io.qapi.runtime.server.QmpServer;
import io.qapi.runtime.server.ServerOptions;
import io.qapi.runtime.transport.Endpoint;
import io.qapi.schema.Client;
import io.qapi.schema.Dispatcher;
import io.qapi.schema.EventEmitter;
import io.qapi.schema.Events;
import io.qapi.schema.run_state.ResumeEvent;
import io.qapi.schema.run_state.RunState;
import io.qapi.schema.run_state.RunStateClient;
import io.qapi.schema.run_state.RunStateServer;
import io.qapi.schema.run_state.StatusInfo;
import io.qapi.schema.run_state.StopEvent;
import io.qapi.testsupport.QemuProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code of the README's "Using the runtime" section, run: each snippet there is a region of
 * this file between {@code // tag::NAME[]} and {@code // end::NAME[]} ({@link ReadmeSnippetsTest}
 * checks that they are equal). The examples use the API generated from the project's own schema
 * ({@code io.qapi.schema}, run-state.json's commands and events) and talk to an in-process
 * {@link QmpServer} serving the module server below; the reverse connection needs a real QEMU
 * and is skipped, saying so, where {@code qemu-system-x86_64} is not installed.
 */
class ReadmeExamplesTest {
    @TempDir
    Path dir;

    private Path socket;
    private QmpServer server;
    private int port;

    // tag::module-server[]
    /** The commands of run-state.json, for a machine that only stops and continues. */
    static final class Vm implements RunStateServer {
        private volatile EventEmitter events = EventEmitter.over((name, data) -> {});
        private boolean running = true;

        /** Where STOP and RESUME go: the QMP server, once it exists. */
        void attach(EventEmitter events) {
            this.events = events;
        }

        @Override
        public synchronized StatusInfo queryStatus() {
            return new StatusInfo(running, false, running ? RunState.RUNNING : RunState.PAUSED);
        }

        @Override
        public synchronized void stop() {
            if (running) {
                running = false;
                events.stop();
            }
        }

        @Override
        public synchronized void cont() {
            if (!running) {
                running = true;
                events.resume();
            }
        }

        @Override
        public void xExitPreconfig() {
            throw QmpError.generic("The command is permitted only before machine initialization");
        }
    }
    // end::module-server[]

    @BeforeEach
    void serve() throws IOException {
        socket = dir.resolve("qmp.sock");
        // tag::serve[]
        ServerOptions options = ServerOptions.builder()
                .negotiationTimeout(Duration.ofSeconds(5)) // then a silent connection is closed
                .eventThrottle(EventThrottle.QEMU) // the default; NONE sends every event
                .compat(CompatPolicy.parse("unstable-input=reject")) // QEMU's -compat
                .build();
        Vm vm = new Vm();
        QmpServer server = new QmpServer(Dispatcher.of(vm), options); // + query-commands, qmp_capabilities
        vm.attach(EventEmitter.over(server)); // events go to every client
        server.listen(Endpoint.unix(socket)); // mode 0600
        Endpoint tcp = server.listen(Endpoint.loopback(0)); // port 0: any free port
        // end::serve[]
        this.server = server;
        this.port = ((Endpoint.Tcp) tcp).port();
    }

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void serverRunsTheModuleWithItsOptions() throws Exception {
        try (QmpClient qmp = QmpClient.connect(Endpoint.unix(socket))) {
            JsonNode commands = qmp.execute("query-commands", null).get(10, TimeUnit.SECONDS);
            assertEquals(
                    "[{\"name\":\"qmp_capabilities\"},{\"name\":\"query-status\"},{\"name\":\"stop\"},"
                            + "{\"name\":\"cont\"},{\"name\":\"x-exit-preconfig\"},{\"name\":\"query-commands\"}]",
                    commands.toString());
            QmpError refused =
                    assertThrows(QmpError.class, () -> RunStateClient.over(qmp).xExitPreconfig());
            assertEquals("Unstable command x-exit-preconfig disabled by policy", refused.desc());
        }
        try (Socket silent = new Socket(InetAddress.getLoopbackAddress(), port)) {
            // Closed after the 5 s asked for, well before the default 10 s: else the read times out.
            silent.setSoTimeout(9_000);
            String received = new String(silent.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(received.startsWith("{\"QMP\""), "greeted, then closed for not negotiating: " + received);
        }
    }

    @Test
    void connectOverAUnixSocketAndTcp() throws Exception {
        // tag::connect[]
        try (QmpClient qmp = QmpClient.connect(Endpoint.unix(socket))) { // or Endpoint.parse("unix:PATH")
            Greeting greeting = qmp.greeting(); // the server's version and capabilities
            boolean oob = qmp.oobEnabled(); // negotiated when the server offers it
            // end::connect[]
            assertTrue(greeting.offers(Greeting.OOB) && oob, "out-of-band execution negotiated");
            assertEquals(
                    "running",
                    qmp.execute("query-status", null)
                            .get(10, TimeUnit.SECONDS)
                            .path("status")
                            .asText());
            // tag::connect[]
        }
        ClientOptions options = ClientOptions.defaults()
                .withConnectTimeout(Duration.ofSeconds(10)) // connecting, greeting and negotiation
                .withCallTimeout(Duration.ofMinutes(2)); // each command that names no timeout
        try (QmpClient qmp = QmpClient.connect(Endpoint.tcp("127.0.0.1", port), options)) {
            // commands and events as below
            // end::connect[]
            assertEquals(Endpoint.tcp("127.0.0.1", port), qmp.endpoint());
            assertEquals(Duration.ofMinutes(2), qmp.options().callTimeout());
            assertEquals(
                    "running",
                    qmp.execute("query-status", null)
                            .get(10, TimeUnit.SECONDS)
                            .path("status")
                            .asText());
            // tag::connect[]
        }
        // end::connect[]
    }

    @Test
    void untypedCalls() throws Exception {
        try (QmpClient qmp = QmpClient.connect(Endpoint.unix(socket))) {
            // tag::execute[]
            JsonNode status = qmp.execute("query-status", null).get(); // the reply's "return"
            String state = status.path("status").asText(); // "running"

            ObjectNode arguments = Json.object().put("path", "/machine").put("property", "type");
            CompletableFuture<JsonNode> reply = qmp.execute("qom-get", arguments, Duration.ofSeconds(5));
            try {
                reply.join();
            } catch (CompletionException e) {
                QmpError error = (QmpError) e.getCause(); // CommandNotFound: not served here
                String message = error.desc(); // "The command qom-get has not been found"
                // end::execute[]
                assertEquals("CommandNotFound", error.errorClass());
                assertEquals("The command qom-get has not been found", message);
                // tag::execute[]
            }
            // end::execute[]
            assertEquals("running", state);
            assertTrue(reply.isCompletedExceptionally(), "qom-get is not served");
        }
    }

    @Test
    void typedCalls() throws Exception {
        try (QmpClient qmp = QmpClient.connect(Endpoint.unix(socket))) {
            // tag::typed[]
            RunStateClient vm = RunStateClient.over(qmp); // run-state.json's commands
            StatusInfo status = vm.queryStatus(); // waits; an error reply throws QmpError
            if (status.status() == RunState.RUNNING) {
                vm.stop();
            }
            CompletableFuture<StatusInfo> later = vm.queryStatusAsync(); // or does not wait

            RunStateClient patient = RunStateClient.over(qmp.withTimeout(Duration.ofMinutes(10)));
            patient.cont(); // with its own timeout
            Client whole = Client.over(qmp); // every module's commands at once
            // end::typed[]
            assertEquals(RunState.RUNNING, status.status());
            assertEquals(RunState.PAUSED, later.get(10, TimeUnit.SECONDS).status());
            assertTrue(whole.queryStatus().running(), "cont ran");
        }
    }

    @Test
    void typedEventsWithTimestamps() throws Exception {
        try (QmpClient qmp = QmpClient.connect(Endpoint.unix(socket))) {
            RunStateClient vm = RunStateClient.over(qmp);
            Instant before = Instant.now();
            // tag::events[]
            try (EventSubscription<TimedEvent<StopEvent>> stops = qmp.subscribeTimed(Events.STOP)) {
                vm.stop(); // subscribe first, then cause it
                TimedEvent<StopEvent> stop = stops.next(Duration.ofSeconds(5));
                Instant when = stop.instant(); // QMP's timestamp, from the server
                // end::events[]
                assertFalse(when.isBefore(before.minusSeconds(1)), when + " is the time of the event");
                assertNull(stops.poll(), "one STOP");
                // tag::events[]
            }

            BlockingQueue<TimedEvent<ResumeEvent>> resumes = new LinkedBlockingQueue<>();
            var listening = qmp.listenTimed(Events.RESUME, event -> true, resumes::add); // on the event thread
            vm.cont();
            TimedEvent<ResumeEvent> resume = resumes.poll(5, TimeUnit.SECONDS);
            listening.close(); // no more events to the listener
            // end::events[]
            assertNotNull(resume, "RESUME came");
        }
    }

    @Test
    void untypedEvents() throws Exception {
        try (QmpClient qmp = QmpClient.connect(Endpoint.unix(socket))) {
            // tag::raw-events[]
            try (EventSubscription<QmpEvent> all = qmp.subscribe(event -> true)) { // any name, as JSON
                qmp.execute("stop", null).get();
                QmpEvent event = all.next(Duration.ofSeconds(5));
                String name = event.name(); // "STOP"; data() and timestamp() too
                // end::raw-events[]
                assertEquals("STOP", name);
                assertTrue(event.data() == null || event.data().isEmpty(), "STOP has no data");
                // tag::raw-events[]
            }
            // end::raw-events[]
        }
    }

    @Test
    void qemuConnectsToTheClient() throws Exception {
        QemuProcess.assumeInstalled();
        Path socket = dir.resolve("reverse.sock");
        List<Process> started = new ArrayList<>();
        try {
            // tag::reverse[]
            ClientOptions options = ClientOptions.defaults().withConnectTimeout(Duration.ofSeconds(30));
            try (QmpListener listener = QmpClient.listen(Endpoint.unix(socket), options)) {
                Process qemu = new ProcessBuilder(
                                "qemu-system-x86_64", "-machine", "none", "-display", "none", "-qmp", "unix:" + socket)
                        .inheritIO()
                        .start(); // no server=on: QEMU connects
                // end::reverse[]
                started.add(qemu);
                // tag::reverse[]
                try (QmpClient qmp = listener.accept()) { // greeting and negotiation as usual
                    StatusInfo status = RunStateClient.over(qmp).queryStatus();
                    // end::reverse[]
                    assertEquals(RunState.RUNNING, status.status());
                    // tag::reverse[]
                    Client.over(qmp).quit();
                }
                // end::reverse[]
                assertTrue(qemu.waitFor(10, TimeUnit.SECONDS), "QEMU quit when told");
                // tag::reverse[]
            }
            // end::reverse[]
        } finally {
            started.forEach(Process::destroyForcibly);
        }
    }
}
