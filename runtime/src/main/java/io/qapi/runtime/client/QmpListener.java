package io.qapi.runtime.client;

import io.qapi.runtime.transport.Endpoint;
import io.qapi.runtime.transport.Sockets;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;

/**
 * A client waiting for its peer to connect: the reverse of {@link QmpClient#connect}, for a
 * QEMU whose monitor is a socket client ({@code -qmp unix:PATH} without {@code server=on}, or
 * {@code -chardev socket,id=…,path=PATH,server=off} with {@code -mon chardev=…,mode=control}):
 * <pre>{@code
 * try (QmpListener listener = QmpClient.listen(Endpoint.unix(socket), options)) {
 *     Process qemu = new ProcessBuilder(
 *                     "qemu-system-x86_64", …, "-qmp", "unix:" + socket)
 *             .inheritIO()
 *             .start();
 *     try (QmpClient qmp = listener.accept()) {
 *         …
 *     }
 * }
 * }</pre>
 * A unix socket is made with mode 0600, as a server's is, and removed when the listener closes.
 * Each {@link #accept()} takes one connection and does the usual greeting and negotiation, so a
 * QEMU that reconnects ({@code reconnect=SECONDS}) is accepted again; so does
 * {@link QmpClient#reconnect()} of a client accepted here while the listener is open.
 */
public final class QmpListener implements AutoCloseable {
    private final ServerSocketChannel server;
    private final Endpoint endpoint;
    private final ClientOptions options;

    private QmpListener(ServerSocketChannel server, Endpoint endpoint, ClientOptions options) {
        this.server = server;
        this.endpoint = endpoint;
        this.options = options;
    }

    static QmpListener open(Endpoint endpoint, ClientOptions options) throws IOException {
        ServerSocketChannel server = options.transport().listen(endpoint);
        Endpoint bound = endpoint;
        if (endpoint instanceof Endpoint.Tcp && server.getLocalAddress() instanceof InetSocketAddress inet) {
            bound = Endpoint.tcp(inet.getAddress().getHostAddress(), inet.getPort());
        }
        return new QmpListener(server, bound, options);
    }

    /** Where the peer is to connect (a TCP port 0 resolved to the port bound). */
    public Endpoint endpoint() {
        return endpoint;
    }

    /**
     * Waits for the peer to connect, then reads its greeting and negotiates, each within the
     * options' connect timeout.
     *
     * @throws java.net.SocketTimeoutException when no peer connected, or greeted, in time
     */
    public QmpClient accept() throws IOException {
        if (!server.isOpen()) {
            throw new IOException("no longer listening on " + endpoint);
        }
        SocketChannel channel = Sockets.accept(server, options.connectTimeout());
        return Handshake.negotiate(endpoint, options, this::accept, channel);
    }

    public boolean isOpen() {
        return server.isOpen();
    }

    /** Stops listening (and removes a unix socket's file); clients accepted before go on. */
    @Override
    public void close() throws IOException {
        server.close();
        if (endpoint instanceof Endpoint.Unix unix) {
            Files.deleteIfExists(unix.path());
        }
    }
}
