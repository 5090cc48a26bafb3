package io.qapi.runtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qapi.runtime.internal.LazyLogger;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

/**
 * Reads one client's connection, driven by the {@link ClientReactor}: cuts the server's
 * output into lines (QEMU ends each message with {@code \r\n} and never breaks one), parses
 * each and hands it to the client. When the connection ends it tells the client why.
 */
final class ClientReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** A server that sends more than this without a line end is not speaking QMP. */
    private static final int MAX_LINE = 256 << 20;

    private static final System.Logger LOG = LazyLogger.of(ClientReader.class);

    private final SocketChannel channel;
    private final QmpClient client;
    private byte[] partial = new byte[4096];
    private int partialLength;

    ClientReader(SocketChannel channel, QmpClient client) {
        this.channel = channel;
        this.client = client;
    }

    /** Reads what is there; returns false when the connection has ended. */
    // buffer is the reactor's, from ByteBuffer.allocate: its array starts where the buffer does
    @SuppressWarnings("ByteBufferBackingArray")
    boolean readAvailable(ByteBuffer buffer) {
        byte[] bytes = buffer.array();
        try {
            for (int reads = 0; reads < 16; reads++) {
                buffer.clear();
                int n = channel.read(buffer);
                if (n < 0) {
                    client.lost("the server closed the connection", new EOFException("end of stream"));
                    return false;
                }
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (bytes[i] == '\n') {
                        line(bytes, start, i - start);
                        start = i + 1;
                    }
                }
                keep(bytes, start, n - start);
                if (n < buffer.capacity()) {
                    return true;
                }
            }
            return true;
        } catch (IOException e) {
            failed(e);
            return false;
        }
    }

    void failed(Exception e) {
        client.lost("reading failed: " + e, e);
    }

    private void line(byte[] bytes, int start, int length) throws IOException {
        if (partialLength > 0) {
            keep(bytes, start, length);
            bytes = partial;
            start = 0;
            length = partialLength;
            partialLength = 0;
        }
        JsonNode message;
        try {
            message = MAPPER.readTree(bytes, start, length);
        } catch (IOException notJson) {
            LOG.log(System.Logger.Level.WARNING, "QMP peer sent a line that is not JSON: " + notJson.getMessage());
            return;
        }
        if (message != null && !message.isMissingNode()) {
            client.received(message);
        }
    }

    private void keep(byte[] bytes, int start, int length) throws IOException {
        if (length == 0) {
            return;
        }
        if (partialLength + length > MAX_LINE) {
            throw new IOException("a message longer than " + MAX_LINE + " bytes");
        }
        if (partialLength + length > partial.length) {
            partial = Arrays.copyOf(partial, Math.max(partial.length * 2, partialLength + length));
        }
        System.arraycopy(bytes, start, partial, partialLength, length);
        partialLength += length;
    }
}
