package io.qapi.machine.cli;

import io.qapi.machine.fd.MonitorDescriptors;
import io.qapi.machine.server.ModelServer;
import io.qapi.runtime.transport.Endpoint;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.FileDescriptorCast;

/**
 * A QMP monitor on a listening unix socket the model inherited, as libvirt starts QEMU:
 * {@code -chardev socket,id=charmonitor,fd=N,server=on,wait=off -mon chardev=charmonitor,...}.
 * libvirt binds and listens itself and leaves descriptor N open across exec.
 *
 * <p>The JDK cannot adopt a descriptor nor receive descriptors ({@code SCM_RIGHTS}), so this uses
 * junixsocket, whose native library is loaded only when such a monitor is asked for. One named
 * daemon thread accepts clients; each is relayed ({@link DescriptorRelay}) to the model's QMP
 * server through a private unix socket of its own, with the descriptors it sends handed to the
 * server's {@code getfd}/{@code add-fd}. As QEMU serves a monitor chardev (measured on 7.2), one
 * client is served at a time: a second one stays in the listen queue, without a greeting, until
 * the first has gone. The thread and relays end when the server closes.
 *
 * <pre>{@code
 * InheritedMonitor.attach(server, fd);    // or adopt(fd) while reading -chardev, serve(server) once it runs
 * }</pre>
 */
public final class InheritedMonitor implements AutoCloseable {
    private final int fd;
    private final AFUNIXServerSocket listening;
    private volatile boolean closed;
    /** The client being served, if any. */
    private volatile DescriptorRelay current;

    private Path privateDir;

    private InheritedMonitor(int fd, AFUNIXServerSocket listening) {
        this.fd = fd;
        this.listening = listening;
    }

    /** Why descriptor N cannot be a monitor; the message is QEMU's, without the option's text. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /**
     * Adopts descriptor {@code fd}, which must be a bound unix socket (libvirt's is listening).
     * Measured on QEMU 7.2 for {@code -chardev socket,id=m,fd=N,server=on,wait=off}: a descriptor
     * that is not open, or not a socket (a regular file, a pipe), gives "File descriptor 'N' is not
     * a socket"; an unbound unix socket gives "Failed to listen on fd socket: Invalid argument".
     * A TCP socket, which QEMU would serve, is refused as not modeled.
     */
    public static InheritedMonitor adopt(int fd) throws Refused {
        try {
            FileDescriptorCast cast = FileDescriptorCast.unsafeUsing(fd);
            if (!cast.isAvailable(ServerSocket.class)) {
                throw new Refused("File descriptor '" + fd + "' is not a socket");
            }
            if (!cast.isAvailable(AFUNIXServerSocket.class)) {
                throw new Refused("File descriptor '" + fd + "' is not a unix socket, the only kind"
                        + " of inherited monitor socket qemu-model models");
            }
            AFUNIXServerSocket socket = cast.as(AFUNIXServerSocket.class);
            if (!socket.isBound()) {
                throw new Refused("Failed to listen on fd socket: Invalid argument");
            }
            return new InheritedMonitor(fd, socket);
        } catch (SocketException notOpen) {
            throw new Refused("File descriptor '" + fd + "' is not a socket");
        } catch (IOException e) {
            throw new Refused("File descriptor '" + fd + "': " + e.getMessage());
        }
    }

    /**
     * The lead's one call: adopts {@code fd} and serves QMP on it for {@code server} at once.
     *
     * @throws Refused with QEMU's text when {@code fd} cannot be a monitor
     */
    public static InheritedMonitor attach(ModelServer server, int fd) throws Refused, IOException {
        InheritedMonitor monitor = adopt(fd);
        monitor.serve(server);
        return monitor;
    }

    /**
     * Starts accepting clients for {@code server}, on a daemon thread; closed with the server.
     * The server relays them on a private socket in a directory only this user can enter.
     */
    public synchronized void serve(ModelServer server) throws IOException {
        if (privateDir != null) {
            throw new IllegalStateException("descriptor " + fd + " is served already");
        }
        privateDir = Files.createTempDirectory(
                "qemu-model-fd" + fd + "-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path relaySocket = privateDir.resolve("qmp.sock");
        MonitorDescriptors descriptors = server.listenPassingDescriptors(new Endpoint.Unix(relaySocket));
        server.closeWith(this);
        Thread acceptor = new Thread(() -> acceptClients(relaySocket, descriptors), "qemu-model-monitor-fd" + fd);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptClients(Path relaySocket, MonitorDescriptors descriptors) {
        while (!closed) {
            AFUNIXSocket client;
            try {
                client = listening.accept();
            } catch (IOException e) {
                return; // closed with the server
            }
            try {
                current = DescriptorRelay.relay(client, relaySocket, descriptors, "qemu-model-monitor-fd" + fd);
                current.awaitEnd();
            } catch (IOException e) {
                closeQuietly(client); // the server has gone: no session to relay to
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The private socket the server listens on for this monitor's clients, once served. */
    public synchronized Optional<Path> relaySocket() {
        return Optional.ofNullable(privateDir).map(dir -> dir.resolve("qmp.sock"));
    }

    /**
     * The path the inherited socket is bound to (libvirt's {@code monitor.sock}), which QEMU
     * shows as the character device's filename; empty for an unnamed one.
     */
    public Optional<String> boundPath() {
        AFUNIXSocketAddress address = listening.getLocalSocketAddress();
        return address != null && address.hasFilename() ? Optional.of(address.getPath()) : Optional.empty();
    }

    /**
     * Waits, at most {@code timeout}, until everything the server wrote has gone to the client:
     * the reply to {@code quit} and the SHUTDOWN event are written just before the process ends,
     * and would otherwise be lost with it. The server must be closed first (that ends the session).
     */
    public void awaitDrained(Duration timeout) throws InterruptedException {
        DescriptorRelay relay = current;
        if (relay != null) {
            relay.awaitOutput(timeout);
        }
    }

    /** Stops accepting; the inherited descriptor is closed, the relay's directory removed. */
    @Override
    public synchronized void close() {
        closed = true;
        closeQuietly(listening);
        if (privateDir != null) {
            try {
                Files.deleteIfExists(privateDir.resolve("qmp.sock"));
                Files.deleteIfExists(privateDir);
            } catch (IOException e) {
                // a temporary directory left behind
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
