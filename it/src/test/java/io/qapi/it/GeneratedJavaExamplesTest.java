package io.qapi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qapi.runtime.api.QmpError;
import io.qapi.runtime.client.QmpClient;
import io.qapi.runtime.server.CallingSession;
import io.qapi.runtime.server.QmpServer;
import io.qapi.runtime.transport.Endpoint;
import io.qapi.schema.Client;
import io.qapi.schema.Dispatcher;
import io.qapi.schema.EventEmitter;
import io.qapi.schema.Events;
import io.qapi.schema.control.CommandInfo;
import io.qapi.schema.control.ControlServer;
import io.qapi.schema.control.QmpCapabilitiesArguments;
import io.qapi.schema.control.ShutdownCause;
import io.qapi.schema.control.ShutdownEvent;
import io.qapi.schema.control.VersionInfo;
import io.qapi.schema.machine.CurrentMachineParams;
import io.qapi.schema.machine.KvmInfo;
import io.qapi.schema.machine.MachineClient;
import io.qapi.schema.machine.MachineInfo;
import io.qapi.schema.machine.MachineServer;
import io.qapi.schema.machine.NameInfo;
import io.qapi.schema.machine.SysEmuTarget;
import io.qapi.schema.machine.TargetInfo;
import io.qapi.schema.machine.UuidInfo;
import io.qapi.schema.sockets.UnixSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code of the README's "Generated Java" section, run: each snippet there is a region of
 * this file ({@link ReadmeSnippetsTest} checks that they are equal), using the API generated
 * from the project's own schema.
 */
class GeneratedJavaExamplesTest {
    @TempDir
    Path dir;

    // tag::machines[]
    static final class Machines implements MachineServer { // 'machine.json': query-target, …
        @Override
        public TargetInfo queryTarget() {
            return new TargetInfo(SysEmuTarget.X86_64);
        }
        // … the module's other commands
        // end::machines[]

        @Override
        public NameInfo queryName() {
            return new NameInfo(Optional.of("readme"));
        }

        @Override
        public UuidInfo queryUuid() {
            return new UuidInfo("00000000-0000-0000-0000-000000000000");
        }

        @Override
        public KvmInfo queryKvm() {
            return new KvmInfo(false, false);
        }

        @Override
        public List<MachineInfo> queryMachines() {
            return List.of();
        }

        @Override
        public CurrentMachineParams queryCurrentMachine() {
            return new CurrentMachineParams(false);
        }
        // tag::machines[]
    }
    // end::machines[]

    /** control.json: {@code quit} says SHUTDOWN once its reply is on its way, as QEMU does. */
    static final class Control implements ControlServer {
        private volatile EventEmitter events = EventEmitter.over((name, data) -> {});
        private volatile boolean quit;

        void attach(EventEmitter events) {
            this.events = events;
        }

        @Override
        public void qmpCapabilities(QmpCapabilitiesArguments arguments) {
            throw new IllegalStateException("the server answers qmp_capabilities itself");
        }

        @Override
        public VersionInfo queryVersion() {
            throw QmpError.generic("not asked here");
        }

        @Override
        public List<CommandInfo> queryCommands() {
            throw QmpError.generic("not asked here");
        }

        @Override
        public void quit() {
            quit = true;
            CallingSession.afterReply(() -> events.shutdown(new ShutdownEvent(false, ShutdownCause.HOST_QMP_QUIT)));
        }
    }

    @Test
    void aServerOfTwoModulesAndAClientOfOne() throws Exception {
        Path socket = dir.resolve("qmp.sock");
        // tag::serve-modules[]
        Control control = new Control(); // 'control.json': quit, …
        try (QmpServer server = new QmpServer(Dispatcher.of(new Machines(), control))) {
            server.listen(Endpoint.unix(socket));
            // end::serve-modules[]
            control.attach(EventEmitter.over(server));
            // tag::module-client[]
            try (QmpClient qmp = QmpClient.connect(Endpoint.unix(socket))) {
                MachineClient machine = MachineClient.over(qmp); // one module's commands
                TargetInfo target = machine.queryTarget(); // waits for the reply
                CompletableFuture<TargetInfo> later = machine.queryTargetAsync(); // or does not wait
                try (var shutdowns = qmp.subscribe(Events.SHUTDOWN)) { // typed events
                    Client.over(qmp).quit();
                    ShutdownEvent event = shutdowns.next(Duration.ofSeconds(5));
                    // end::module-client[]
                    assertEquals(SysEmuTarget.X86_64, target.arch());
                    assertEquals(
                            SysEmuTarget.X86_64, later.get(5, TimeUnit.SECONDS).arch());
                    assertEquals(ShutdownCause.HOST_QMP_QUIT, event.reason());
                    // tag::module-client[]
                }
            }
            // end::module-client[]
            assertTrue(control.quit);
            // tag::serve-modules[]
        }
        // end::serve-modules[]
    }

    @Test
    void buildersNameTheMembersTheySet() {
        // tag::builder[]
        UnixSocketAddress address =
                UnixSocketAddress.builder().path("/tmp/qmp.sock").tight(false).build();
        address.tight(); // Optional[false]
        address.abstract_(); // Optional.empty: not set
        // end::builder[]
        assertEquals(Optional.of(false), address.tight());
        assertFalse(address.abstract_().isPresent());
        NullPointerException missing = assertThrows(NullPointerException.class, this::buildWithoutPath);
        assertEquals("mandatory member 'path' of struct 'UnixSocketAddress' is missing", missing.getMessage());
    }

    private void buildWithoutPath() {
        // tag::builder[]
        UnixSocketAddress.builder()
                .tight(true)
                .build(); // NullPointerException: mandatory member 'path' of struct 'UnixSocketAddress' is missing
        // end::builder[]
    }
}
