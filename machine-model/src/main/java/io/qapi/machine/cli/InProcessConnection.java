package io.qapi.machine.cli;

import io.qapi.machine.server.ModelServer;
import io.qapi.runtime.transport.Endpoint;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A QMP connection from this process to its own server: the server listens on a unix socket in a
 * directory only this user can enter, this process connects, and the name is removed at once
 * (the connection does not need it). Used where the model itself is the client: the stdio
 * monitor and the warm-up session. Such a connection may take its time to negotiate.
 */
final class InProcessConnection {
    private InProcessConnection() {}

    static SocketChannel open(ModelServer server) throws IOException {
        Path dir = Files.createTempDirectory(
                "qemu-model-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path socket = dir.resolve("qmp.sock");
        try {
            server.listenForOwnClients(Endpoint.unix(socket)); // no negotiation deadline: a person may type
            return SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        }
    }
}
