package io.qapi.runtime.transport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Opening connections and listening sockets for either kind of {@link Endpoint}. */
public final class Sockets {
    private Sockets() {}

    /**
     * Connects within {@code timeout} and returns the channel in blocking mode. TCP connections
     * get {@code TCP_NODELAY}: QMP is request and reply, and Nagle's delay would add to every
     * round trip.
     */
    public static SocketChannel connect(Endpoint endpoint, Duration timeout) throws IOException {
        SocketChannel channel = open(endpoint);
        try {
            channel.configureBlocking(false);
            if (!channel.connect(address(endpoint))) {
                awaitConnect(channel, endpoint, timeout);
            }
            channel.configureBlocking(true);
            if (endpoint instanceof Endpoint.Tcp) {
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Waits until something accepts connections at {@code endpoint}, as when a QEMU just started
     * is still setting up its monitor: a unix socket's file appears when it is bound, a moment
     * before it listens, so the file alone proves nothing. Each attempt's connection is closed
     * at once; a QMP monitor then serves the next client.
     *
     * @return whether a connection succeeded within {@code timeout}
     */
    public static boolean awaitListening(Endpoint endpoint, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (SocketChannel probe = open(endpoint)) {
                probe.connect(address(endpoint));
                return true;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(10);
            }
        }
    }

    /**
     * Accepts one connection on {@code server} within {@code timeout} and returns it in blocking
     * mode, with {@code TCP_NODELAY} for TCP as {@link #connect} gives it. The listening socket
     * is left as it was (open, in its blocking mode).
     *
     * @throws SocketTimeoutException when no peer connected in time
     */
    public static SocketChannel accept(ServerSocketChannel server, Duration timeout) throws IOException {
        boolean blocking = server.isBlocking();
        server.configureBlocking(false);
        SocketChannel accepted;
        try (Selector selector = server.provider().openSelector()) {
            server.register(selector, SelectionKey.OP_ACCEPT);
            long deadline = System.nanoTime() + timeout.toNanos();
            while ((accepted = server.accept()) == null) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new SocketTimeoutException("no peer connected to " + server.getLocalAddress() + " within "
                            + timeout.toMillis() + " ms");
                }
                selector.select(left);
            }
        } finally {
            if (server.isOpen()) {
                server.configureBlocking(blocking); // the selector's close has deregistered it
            }
        }
        try {
            accepted.configureBlocking(true);
            if (!(accepted.getLocalAddress() instanceof UnixDomainSocketAddress)) {
                accepted.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            return accepted;
        } catch (IOException | RuntimeException e) {
            accepted.close();
            throw e;
        }
    }

    private static void awaitConnect(SocketChannel channel, Endpoint endpoint, Duration timeout) throws IOException {
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_CONNECT);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!channel.finishConnect()) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new SocketTimeoutException(
                            "no connection to " + endpoint + " within " + timeout.toMillis() + " ms");
                }
                selector.select(left);
            }
        } catch (ConnectException e) {
            ConnectException better = new ConnectException("cannot connect to " + endpoint + ": " + e.getMessage());
            better.initCause(e);
            throw better;
        }
    }

    private static SocketChannel open(Endpoint endpoint) throws IOException {
        return endpoint instanceof Endpoint.Unix
                ? SocketChannel.open(StandardProtocolFamily.UNIX)
                : SocketChannel.open();
    }

    static SocketAddress address(Endpoint endpoint) {
        if (endpoint instanceof Endpoint.Unix unix) {
            return UnixDomainSocketAddress.of(unix.path());
        }
        Endpoint.Tcp tcp = (Endpoint.Tcp) endpoint;
        return new InetSocketAddress(tcp.host(), tcp.port());
    }

    /**
     * Listens on {@code endpoint}. A unix socket is created with mode 0600: it is bound inside
     * a fresh directory only its owner can enter, made 0600 there, and only then moved to its
     * path, so at no moment can another user connect. A stale socket left at the path by a
     * process that is gone is replaced; a live one is an error.
     */
    public static ServerSocketChannel listen(Endpoint endpoint) throws IOException {
        if (endpoint instanceof Endpoint.Tcp tcp) {
            ServerSocketChannel server = ServerSocketChannel.open();
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(new InetSocketAddress(tcp.host(), tcp.port()), 256);
            return server;
        }
        Path path = ((Endpoint.Unix) endpoint).path().toAbsolutePath();
        removeStale(path);
        if (path.toString().length() > 80) {
            return listenInPlace(path); // no room in sun_path for the staging directory
        }
        Path dir = stagingDirectory(path.getParent());
        Path staging = dir.resolve("s");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(staging), 256);
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rw-------"));
            Files.move(staging, path, StandardCopyOption.ATOMIC_MOVE);
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        } finally {
            Files.deleteIfExists(staging);
            Files.deleteIfExists(dir);
        }
    }

    private static final AtomicLong STAGING = new AtomicLong();

    /**
     * A new directory only its owner can enter, next to the socket's path. Not made with the
     * JDK's temporary-directory helper: that seeds a secure random generator, which costs a
     * noticeable part of a server's start-up, and the name need not be secret: creating a
     * directory fails when anything (a link included) already has its name, so nobody can
     * substitute one, and a taken name is simply skipped.
     */
    private static Path stagingDirectory(Path parent) throws IOException {
        String prefix = ".qmp-" + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime()) + "-";
        for (int attempt = 0; ; attempt++) {
            Path dir = parent.resolve(prefix + STAGING.incrementAndGet());
            try {
                return Files.createDirectory(
                        dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException e) {
                if (attempt == 100) {
                    throw e;
                }
            }
        }
    }

    /** For long paths: binds in place and narrows the mode right after, a short window. */
    private static ServerSocketChannel listenInPlace(Path path) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(path), 256);
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static void removeStale(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(path));
        } catch (IOException gone) {
            Files.delete(path); // nothing listens there any more
            return;
        }
        throw new IOException("another process listens on " + path);
    }
}
