package io.qapi.runtime.transport;

import java.io.FileDescriptor;
import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;

/**
 * How a QMP client opens its sockets: the extension point for transports the JDK lacks. The
 * default, {@link #jdk()}, uses the JDK's unix and TCP sockets, which cannot pass file
 * descriptors. QEMU's {@code getfd} and {@code add-fd} take a descriptor sent with the
 * command's bytes as {@code SCM_RIGHTS} ancillary data on a unix socket; a transport built on
 * a native library (junixsocket's {@code AFUNIXSocketChannel}, for one, is a
 * {@link SocketChannel} with {@code setOutboundFileDescriptors}) implements
 * {@link #passesFileDescriptors} and {@link #attachFileDescriptors} and is chosen with
 * {@code ClientOptions.withTransport}.
 *
 * <p>The channels a transport returns must be selectable by a selector of their own
 * {@linkplain SocketChannel#provider() provider}: the client reads and writes them without
 * blocking, from one thread per provider.
 */
public interface Transport {

    /** The JDK's sockets: unix and TCP, without descriptor passing. */
    static Transport jdk() {
        return JdkTransport.INSTANCE;
    }

    /** A short name for messages ({@code jdk}, {@code junixsocket}, …). */
    String name();

    /** Connects within {@code timeout}; the channel may be in either blocking mode. */
    SocketChannel connect(Endpoint endpoint, Duration timeout) throws IOException;

    /** Listens at {@code endpoint}, for a peer that connects to the client. */
    ServerSocketChannel listen(Endpoint endpoint) throws IOException;

    /** Whether this transport can send file descriptors to a peer at {@code endpoint}. */
    default boolean passesFileDescriptors(Endpoint endpoint) {
        return false;
    }

    /**
     * Makes the next write on {@code channel} carry {@code descriptors} (as {@code SCM_RIGHTS}).
     * Called by the client right before it writes the first bytes of the command they go with.
     *
     * @throws UnsupportedOperationException when this transport cannot pass descriptors
     */
    default void attachFileDescriptors(SocketChannel channel, List<FileDescriptor> descriptors) throws IOException {
        throw new UnsupportedOperationException("the " + name() + " transport cannot pass file descriptors");
    }
}
