package io.qapi.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qapi.runtime.api.Json;
import io.qapi.runtime.transport.Endpoint;
import io.qapi.runtime.transport.Transport;
import java.io.FileDescriptor;
import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passing file descriptors ({@code getfd}, {@code add-fd}): the JDK's sockets cannot, and say
 * so without sending anything; a transport that can is handed the descriptors right before the
 * command's first bytes. (No such transport ships: SCM_RIGHTS needs native code.)
 */
class FdPassingTest {
    @TempDir
    Path dir;

    @Test
    void theJdkTransportRefusesWithoutSendingAnything() throws Exception {
        Endpoint endpoint = Endpoint.unix(dir.resolve("fd.sock"));
        try (PeerDouble peer = PeerDouble.listen(endpoint, false);
                QmpClient qmp = QmpClient.connect(endpoint)) {
            Throwable error = QmpClientTest.failure(
                    qmp.executeWithFds("getfd", Json.object().put("fdname", "disk"), List.of(FileDescriptor.in)));
            assertInstanceOf(UnsupportedOperationException.class, error);
            assertEquals(
                    "getfd: passing file descriptors to " + endpoint + " needs a transport that sends "
                            + "SCM_RIGHTS on a unix socket (such as one built on junixsocket, set with "
                            + "ClientOptions.withTransport); the jdk transport cannot",
                    error.getMessage());
            assertEquals(
                    "{}",
                    qmp.execute("query-status", null).get(5, TimeUnit.SECONDS).toString());
            assertEquals(List.of("query-status"), peer.commands());
        }
    }

    /** A stand-in for a descriptor-passing transport: JDK sockets that record what they were to pass. */
    static final class RecordingTransport implements Transport {
        final List<List<FileDescriptor>> attached = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public SocketChannel connect(Endpoint endpoint, Duration timeout) throws IOException {
            return Transport.jdk().connect(endpoint, timeout);
        }

        @Override
        public ServerSocketChannel listen(Endpoint endpoint) throws IOException {
            return Transport.jdk().listen(endpoint);
        }

        @Override
        public boolean passesFileDescriptors(Endpoint endpoint) {
            return endpoint instanceof Endpoint.Unix;
        }

        @Override
        public void attachFileDescriptors(SocketChannel channel, List<FileDescriptor> descriptors) {
            attached.add(descriptors);
        }
    }

    @Test
    void aCapableTransportGetsTheDescriptorsWithTheirCommand() throws Exception {
        Endpoint endpoint = Endpoint.unix(dir.resolve("fd.sock"));
        RecordingTransport transport = new RecordingTransport();
        ClientOptions options = ClientOptions.defaults().withTransport(transport);
        try (PeerDouble peer = PeerDouble.listen(endpoint, false);
                QmpClient qmp = QmpClient.connect(endpoint, options)) {
            qmp.execute("query-status", null).get(5, TimeUnit.SECONDS);
            assertTrue(transport.attached.isEmpty(), "only commands with descriptors attach any");
            qmp.executeWithFds("getfd", Json.object().put("fdname", "disk"), List.of(FileDescriptor.in))
                    .get(5, TimeUnit.SECONDS);
            assertEquals(List.of(List.of(FileDescriptor.in)), transport.attached);
            assertEquals(List.of("query-status", "getfd"), peer.commands());
        }
    }
}
