package io.qapi.runtime.transport;

import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/** The JDK's own sockets ({@link Sockets}); no descriptor passing, which needs native code. */
final class JdkTransport implements Transport {
    static final JdkTransport INSTANCE = new JdkTransport();

    private JdkTransport() {}

    @Override
    public String name() {
        return "jdk";
    }

    @Override
    public SocketChannel connect(Endpoint endpoint, Duration timeout) throws IOException {
        return Sockets.connect(endpoint, timeout);
    }

    @Override
    public ServerSocketChannel listen(Endpoint endpoint) throws IOException {
        return Sockets.listen(endpoint);
    }

    @Override
    public String toString() {
        return "Transport.jdk()";
    }
}
