package io.qapi.machine.cli;

import io.qapi.machine.server.ModelServer;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * {@code -qmp stdio}: the monitor on the process's standard input and output. The QMP server
 * serves sockets, so the model connects to itself ({@link InProcessConnection}) and copies
 * standard input to that connection and the connection to standard output, through fixed-size
 * buffers. As with QEMU, the end of standard input does not
 * end the process, and what was read before it is still answered; {@code quit} ends the process.
 */
final class StdioMonitor {
    static final String ARGUMENT = "stdio";
    private static final int BUFFER = 64 * 1024;

    private final Thread output;

    private StdioMonitor(Thread output) {
        this.output = output;
    }

    /**
     * Waits, at most {@code timeout}, until everything the server wrote is on standard output:
     * the last reply and the SHUTDOWN event are written just before the process ends, and
     * would otherwise be lost with it. The server must be closed first (that ends the session).
     */
    void awaitDrained(Duration timeout) throws InterruptedException {
        output.join(Math.max(1, timeout.toMillis()));
    }

    /** Connects standard input and output to {@code server}; returns once the session is open. */
    static StdioMonitor attach(ModelServer server) throws IOException {
        SocketChannel channel = InProcessConnection.open(server);
        start("qemu-model-stdin", () -> copyIn(new FileInputStream(FileDescriptor.in), channel));
        return new StdioMonitor(
                start("qemu-model-stdout", () -> copyOut(channel, new FileOutputStream(FileDescriptor.out))));
    }

    private static void copyIn(InputStream in, SocketChannel channel) {
        byte[] buffer = new byte[BUFFER];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                ByteBuffer data = ByteBuffer.wrap(buffer, 0, n);
                while (data.hasRemaining()) {
                    channel.write(data);
                }
            }
            // Standard output stays open after standard input ends, and QEMU still answers what
            // it read and writes its events there; so the session is not ended here.
        } catch (IOException e) {
            closeQuietly(channel);
        }
    }

    private static void copyOut(SocketChannel channel, OutputStream out) {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        try {
            while (channel.read(buffer) >= 0) {
                out.write(buffer.array(), 0, buffer.position());
                out.flush();
                buffer.clear();
            }
        } catch (IOException e) {
            // standard output closed, or the session ended: nothing more to copy
        } finally {
            closeQuietly(channel);
        }
    }

    private static Thread start(String name, Runnable copy) {
        Thread thread = new Thread(copy, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
