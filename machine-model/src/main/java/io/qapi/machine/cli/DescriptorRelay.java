package io.qapi.machine.cli;

import io.qapi.machine.fd.MonitorDescriptors;
import io.qapi.machine.fd.PassedDescriptor;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.FileDescriptorCast;

/**
 * One client of an {@link InheritedMonitor}, relayed to the model's QMP server as
 * {@link StdioMonitor} relays standard input and output: a connection of the model to its own
 * server, and two threads that copy through fixed-size buffers. The descriptors the client sends
 * with its bytes are handed to the monitor's {@link MonitorDescriptors} before those bytes go on,
 * so the command they came with finds them. The client's end of input ends its session once its
 * commands are answered; the session's end (the server closing, {@code quit}) ends the client's
 * connection; descriptors no command took are closed then.
 */
final class DescriptorRelay {
    private static final int BUFFER = 64 * 1024;
    /** Room for as many descriptors in one message as QEMU's socket chardev takes (16). */
    private static final int ANCILLARY_BUFFER = 1024;

    private final Thread input;
    private final Thread output;
    private final MonitorDescriptors descriptors;

    private DescriptorRelay(Thread input, Thread output, MonitorDescriptors descriptors) {
        this.input = input;
        this.output = output;
        this.descriptors = descriptors;
    }

    /**
     * Connects {@code client} to the server listening at {@code relaySocket}.
     *
     * @throws IOException when the server no longer listens there (it has closed)
     */
    static DescriptorRelay relay(AFUNIXSocket client, Path relaySocket, MonitorDescriptors descriptors, String name)
            throws IOException {
        SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(relaySocket));
        client.ensureAncillaryReceiveBufferSize(ANCILLARY_BUFFER);
        Thread input = start(name + "-in", () -> copyIn(client, channel, descriptors));
        Thread output = start(name + "-out", () -> copyOut(channel, client));
        return new DescriptorRelay(input, output, descriptors);
    }

    /** Waits, at most {@code timeout}, until all the session wrote has been copied to the client. */
    void awaitOutput(Duration timeout) throws InterruptedException {
        output.join(Math.max(1, timeout.toMillis()));
    }

    /** Waits until the client and its session have both ended, then closes what no command took. */
    void awaitEnd() throws InterruptedException {
        output.join();
        input.join();
        descriptors.connectionEnded();
    }

    private static void copyIn(AFUNIXSocket client, SocketChannel channel, MonitorDescriptors descriptors) {
        byte[] buffer = new byte[BUFFER];
        try {
            InputStream in = client.getInputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                descriptors.received(passed(client.getReceivedFileDescriptors()));
                ByteBuffer data = ByteBuffer.wrap(buffer, 0, n);
                while (data.hasRemaining()) {
                    channel.write(data);
                }
            }
            // The client is done sending: its session ends once what it sent is answered.
            channel.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(channel);
        }
    }

    private static void copyOut(SocketChannel channel, AFUNIXSocket client) {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        try {
            OutputStream out = client.getOutputStream();
            while (channel.read(buffer) >= 0) {
                out.write(buffer.array(), 0, buffer.position());
                out.flush();
                buffer.clear();
            }
        } catch (IOException e) {
            // the client went, or the session ended: nothing more to copy
        } finally {
            closeQuietly(channel);
            closeQuietly(client);
        }
    }

    /** What junixsocket received, as descriptors the model can number and close. */
    private static List<PassedDescriptor> passed(FileDescriptor[] received) throws IOException {
        if (received == null || received.length == 0) {
            return List.of();
        }
        List<PassedDescriptor> passed = new ArrayList<>(received.length);
        for (FileDescriptor descriptor : received) {
            // junixsocket closes what it received when the client's socket closes, but getfd and
            // add-fd keep descriptors past their client: the model keeps a duplicate of its own
            // and closes the original now (closed, it is no longer valid, so junixsocket skips it).
            FileDescriptorCast duplicate = FileDescriptorCast.duplicating(descriptor);
            new FileInputStream(descriptor).close();
            int number = duplicate.as(Integer.class);
            // A stream over the descriptor closes it: the JDK's own way to close a bare FileDescriptor.
            FileInputStream closer = new FileInputStream(duplicate.getFileDescriptor());
            passed.add(new PassedDescriptor(number, closer));
        }
        return passed;
    }

    private static Thread start(String name, Runnable copy) {
        Thread thread = new Thread(copy, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
