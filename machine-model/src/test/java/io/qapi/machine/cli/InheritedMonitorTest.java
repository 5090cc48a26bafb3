package io.qapi.machine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qapi.machine.server.ModelServer;
import io.qapi.machine.vm.VirtualMachine;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.FileDescriptorCast;

/**
 * The monitor on a listening socket the model inherits, as libvirt hands it over
 * ({@code -chardev socket,fd=N,server=on,wait=off}): real junixsocket clients negotiate and run
 * commands, one client at a time as QEMU serves them, and pass descriptors to {@code getfd} and
 * {@code add-fd}, which this test process then sees open or closed in {@code /proc/self/fd}.
 */
class InheritedMonitorTest {
    @TempDir
    Path dir;

    private AFUNIXServerSocket inherited;
    private ModelServer server;

    /** A monitor client: lines as they come, QEMU's CR LF taken off. */
    private static final class Client implements AutoCloseable {
        private final AFUNIXSocket socket;
        private final BufferedReader in;
        private final OutputStream out;

        Client(Path path) throws IOException {
            socket = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(path));
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = socket.getOutputStream();
        }

        String line() throws IOException {
            String line = in.readLine();
            return line == null ? null : line.strip();
        }

        String ask(String request, FileDescriptor... passed) throws IOException {
            socket.setOutboundFileDescriptors(passed.length == 0 ? null : passed);
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return line();
        }

        Client negotiated() throws IOException {
            assertTrue(line().startsWith("{\"QMP\": {\"version\": {\"qemu\": "));
            assertEquals("{\"return\": {}}", ask("{\"execute\": \"qmp_capabilities\"}"));
            return this;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** A model serving QMP on a listening socket made here, handed over by descriptor number. */
    private Path monitor(String... options) throws Exception {
        Path path = dir.resolve("monitor.sock");
        inherited = AFUNIXServerSocket.bindOn(AFUNIXSocketAddress.of(path));
        // The model owns what it inherits and closes it with the server: give it a duplicate.
        int fd = FileDescriptorCast.duplicating(inherited.getFileDescriptor()).as(Integer.class);
        VirtualMachine vm = Launch.from(CommandLine.parse(List.of(options))).machine();
        server = ModelServer.start(vm, () -> {}, argv -> {
            throw new UnsupportedOperationException("plan-hardware");
        });
        InheritedMonitor.attach(server, fd);
        return path;
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (inherited != null) {
            inherited.close();
        }
    }

    @Test
    void servesOneClientAtATimeAsQemuServesAMonitorChardev() throws Exception {
        Path path = monitor("-machine", "pc", "-nodefaults");
        try (Client second = connectedWhileAFirstIsServed(path)) {
            second.negotiated();
            assertTrue(second.ask("{\"execute\": \"query-version\"}").startsWith("{\"return\": {\"qemu\": "));
        }
    }

    /** A second client, connected while a first one is served, which then goes. */
    private static Client connectedWhileAFirstIsServed(Path path) throws IOException {
        try (Client first = new Client(path).negotiated()) {
            Client second = new Client(path);
            assertTrue(first.ask("{\"execute\": \"query-version\"}").startsWith("{\"return\": {\"qemu\": "));
            // The second waits in the listen queue: no greeting while the first is served.
            assertTrue(first.ask("{\"execute\": \"query-status\"}").startsWith("{\"return\": "));
            assertEquals(0, second.socket.getInputStream().available());
            return second;
        }
    }

    @Test
    void closingTheServerEndsTheClientAndStopsAccepting() throws Exception {
        Path path = monitor("-machine", "pc", "-nodefaults");
        try (Client client = new Client(path).negotiated()) {
            server.close();
            assertNull(client.line());
        }
        Thread acceptor = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("qemu-model-monitor-fd"))
                .findFirst()
                .orElse(null);
        if (acceptor != null) {
            acceptor.join(10_000); // generous: only that it ends at all
            assertFalse(acceptor.isAlive());
        }
    }

    @Test
    void quitIsAnsweredWithTheShutdownEventBeforeTheClientIsDisconnected() throws Exception {
        Path path = monitor("-machine", "pc", "-nodefaults");
        try (Client client = new Client(path).negotiated()) {
            assertEquals("{\"return\": {}}", client.ask("{\"execute\": \"quit\"}"));
            String event = client.line();
            assertTrue(event.contains("\"event\": \"SHUTDOWN\""), event);
            assertNull(client.line());
        }
    }

    @Test
    void getfdKeepsThePassedDescriptorUntilClosefd() throws Exception {
        Path path = monitor("-machine", "pc", "-nodefaults");
        Path file = Files.writeString(dir.resolve("passed"), "x");
        try (Client client = new Client(path).negotiated();
                FileInputStream passed = new FileInputStream(file.toFile())) {
            int before = openOn(file);
            assertEquals(
                    "{\"return\": {}}",
                    client.ask("{\"execute\": \"getfd\", \"arguments\": {\"fdname\": \"disk\"}}", passed.getFD()));
            assertEquals(before + 1, openOn(file));
            assertEquals(
                    "{\"return\": {}}",
                    client.ask("{\"execute\": \"closefd\", \"arguments\": {\"fdname\": \"disk\"}}"));
            assertEquals(before, openOn(file));
            assertEquals(
                    "{\"error\": {\"class\": \"GenericError\", \"desc\": \"File descriptor named 'disk' not found\"}}",
                    client.ask("{\"execute\": \"closefd\", \"arguments\": {\"fdname\": \"disk\"}}"));
        }
    }

    @Test
    void getfdWithoutADescriptorAndWithADigitFirstAreRefusedAsByQemu() throws Exception {
        Path path = monitor("-machine", "pc", "-nodefaults");
        Path file = Files.writeString(dir.resolve("passed"), "x");
        try (Client client = new Client(path).negotiated();
                FileInputStream passed = new FileInputStream(file.toFile())) {
            assertEquals(
                    "{\"error\": {\"class\": \"GenericError\", \"desc\": \"No file descriptor supplied via SCM_RIGHTS\"}}",
                    client.ask("{\"execute\": \"getfd\", \"arguments\": {\"fdname\": \"disk\"}}"));
            int before = openOn(file);
            assertEquals(
                    "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                            + "\"Parameter 'fdname' expects a name not starting with a digit\"}}",
                    client.ask("{\"execute\": \"getfd\", \"arguments\": {\"fdname\": \"1disk\"}}", passed.getFD()));
            assertEquals(before, openOn(file)); // taken, then closed
            // Sent with a command that takes none, a descriptor waits for the next that does.
            assertTrue(client.ask("{\"execute\": \"query-status\"}", passed.getFD())
                    .startsWith("{\"return\": "));
            assertEquals(
                    "{\"return\": {}}", client.ask("{\"execute\": \"getfd\", \"arguments\": {\"fdname\": \"d\"}}"));
        }
    }

    @Test
    void descriptorsNoCommandTookAreClosedWhenTheirClientDisconnects() throws Exception {
        Path path = monitor("-machine", "pc", "-nodefaults");
        Path file = Files.writeString(dir.resolve("passed"), "x");
        try (FileInputStream passed = new FileInputStream(file.toFile())) {
            int before = openOn(file);
            try (Client first = new Client(path).negotiated()) {
                assertTrue(first.ask("{\"execute\": \"query-status\"}", passed.getFD())
                        .startsWith("{\"return\": "));
                assertEquals(before + 1, openOn(file)); // the one waiting for a command
            }
            // The next client is greeted only after the first one's session has ended.
            try (Client second = new Client(path).negotiated()) {
                assertEquals(before, openOn(file));
                assertEquals(
                        "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                                + "\"No file descriptor supplied via SCM_RIGHTS\"}}",
                        second.ask("{\"execute\": \"getfd\", \"arguments\": {\"fdname\": \"d\"}}"));
            }
        }
    }

    @Test
    void aDescriptorKeptByGetfdOutlivesItsClient() throws Exception {
        Path path = monitor("-machine", "pc", "-nodefaults");
        Path file = Files.writeString(dir.resolve("passed"), "x");
        try (FileInputStream passed = new FileInputStream(file.toFile())) {
            int before = openOn(file);
            try (Client first = new Client(path).negotiated()) {
                assertEquals(
                        "{\"return\": {}}",
                        first.ask("{\"execute\": \"getfd\", \"arguments\": {\"fdname\": \"kept\"}}", passed.getFD()));
            }
            try (Client second = new Client(path).negotiated()) {
                assertEquals(before + 1, openOn(file));
                assertEquals(
                        "{\"return\": {}}",
                        second.ask("{\"execute\": \"closefd\", \"arguments\": {\"fdname\": \"kept\"}}"));
                assertEquals(before, openOn(file));
            }
        }
    }

    @Test
    void addFdNumbersSetsAndRemoveFdClosesWhileTheGuestRuns() throws Exception {
        Path path = monitor("-machine", "pc", "-nodefaults");
        Path file = Files.writeString(dir.resolve("passed"), "x");
        try (Client client = new Client(path).negotiated();
                FileInputStream passed = new FileInputStream(file.toFile())) {
            int fd0 = addedFd(client.ask("{\"execute\": \"add-fd\"}", passed.getFD()), 0);
            int fd5 = addedFd(
                    client.ask(
                            "{\"execute\": \"add-fd\", \"arguments\": {\"fdset-id\": 5, \"opaque\": \"o\"}}",
                            passed.getFD()),
                    5);
            int fd1 = addedFd(client.ask("{\"execute\": \"add-fd\"}", passed.getFD()), 1);
            assertEquals(
                    "{\"return\": [{\"fds\": [{\"fd\": " + fd5 + ", \"opaque\": \"o\"}], \"fdset-id\": 5}, "
                            + "{\"fds\": [{\"fd\": " + fd1 + "}], \"fdset-id\": 1}, {\"fds\": [{\"fd\": " + fd0
                            + "}], \"fdset-id\": 0}]}",
                    client.ask("{\"execute\": \"query-fdsets\"}"));
            assertTrue(Files.exists(Path.of("/proc/self/fd/" + fd1)));
            assertEquals(
                    "{\"return\": {}}", client.ask("{\"execute\": \"remove-fd\", \"arguments\": {\"fdset-id\": 1}}"));
            assertFalse(Files.exists(Path.of("/proc/self/fd/" + fd1)));
            assertEquals(
                    "{\"error\": {\"class\": \"GenericError\", \"desc\": \"File descriptor named 'fdset-id:5, fd:"
                            + (fd5 + 1000) + "' not found\"}}",
                    client.ask("{\"execute\": \"remove-fd\", \"arguments\": " + "{\"fdset-id\": 5, \"fd\": "
                            + (fd5 + 1000) + "}}"));
        }
    }

    @Test
    void descriptorsThatAreNotListeningUnixSocketsAreRefusedWithQemusTexts() throws Exception {
        Path file = Files.writeString(dir.resolve("regular"), "x");
        try (FileInputStream regular = new FileInputStream(file.toFile())) {
            int fd = FileDescriptorCast.using(regular.getFD()).as(Integer.class);
            InheritedMonitor.Refused refused =
                    assertThrows(InheritedMonitor.Refused.class, () -> InheritedMonitor.adopt(fd));
            assertEquals("File descriptor '" + fd + "' is not a socket", refused.getMessage());
        }
        int closed = 4000;
        assertFalse(Files.exists(Path.of("/proc/self/fd/" + closed)));
        assertEquals(
                "File descriptor '4000' is not a socket",
                assertThrows(InheritedMonitor.Refused.class, () -> InheritedMonitor.adopt(closed))
                        .getMessage());
    }

    private static int addedFd(String reply, int fdsetId) {
        Matcher m = Pattern.compile("\\{\"return\": \\{\"fd\": (\\d+), \"fdset-id\": " + fdsetId + "}}")
                .matcher(reply);
        assertTrue(m.matches(), reply);
        return Integer.parseInt(m.group(1));
    }

    /** How many of this process's descriptors are open on {@code file}. */
    private static int openOn(Path file) throws IOException {
        int open = 0;
        try (var entries = Files.list(Path.of("/proc/self/fd"))) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                try {
                    open += Files.readSymbolicLink(entry).equals(file) ? 1 : 0;
                } catch (IOException closedMeanwhile) {
                    // the listing's own descriptor, or one closed since
                }
            }
        }
        return open;
    }
}
