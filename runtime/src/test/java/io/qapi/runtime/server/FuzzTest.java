package io.qapi.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qapi.runtime.json.Limits;
import io.qapi.runtime.transport.Endpoint;
import io.qapi.runtime.transport.Sockets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100,000 frames of garbage from a seeded fuzzer: random bytes, mutated commands, non-objects,
 * deep nesting, oversized strings, unterminated input. Afterwards the server is up, the session
 * resynchronises (0xFF ends whatever the parser held, as the QMP specification says) and
 * answers, and another session never noticed.
 */
class FuzzTest {
    private static final String[] SEEDS = {
        "{\"execute\": \"query-status\"}",
                "{\"execute\": \"query-cpu-model-expansion\", \"arguments\": "
                        + "{\"type\": \"full\", \"model\": {\"name\": \"qemu64\"}}, \"id\": [1, {\"a\": null}]}",
        "{'exec-oob': 'query-yank', 'id': 'x'}",
                "{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": [\"oob\"]}}",
        "[1.5e300, -0, true, false, null, \"\\u00e9\\ud83d\\ude00\"]",
                "{\"execute\": \"device_add\", \"arguments\": {}}",
    };

    @TempDir
    Path dir;

    @Test
    void garbageFramesLeaveTheServerUpAndTheSessionAnswering() throws Exception {
        Limits limits = new Limits(16 * 1024, 4096, 64);
        try (QmpServer server = new QmpServer(
                new TinyQemu().commands(),
                ServerOptions.builder().limits(limits).build())) {
            Endpoint endpoint = server.listen(Endpoint.unix(dir.resolve("qmp.sock")));
            try (RawConnection victim = ServerFixture.negotiated(endpoint, true);
                    RawConnection bystander = ServerFixture.negotiated(endpoint, false)) {
                Thread drain = drainer(victim);
                Random random = new Random(20260422);
                ByteArrayOutputStream batch = new ByteArrayOutputStream();
                for (int frame = 0; frame < 100_000; frame++) {
                    batch.write(frame(random));
                    if (batch.size() > 32 * 1024) {
                        victim.send(batch.toByteArray());
                        batch.reset();
                    }
                }
                victim.send(batch.toByteArray());
                drain.interrupt();
                drain.join();

                victim.send(new byte[] {(byte) 0xFF, '\n'});
                victim.send("{\"execute\": \"query-name\", \"id\": \"after-fuzz\"}\n");
                String line;
                do {
                    line = victim.text();
                } while (!line.contains("\"after-fuzz\""));
                assertEquals("{\"return\": {}, \"id\": \"after-fuzz\"}", line);

                bystander.send("{\"execute\": \"query-name\"}");
                assertEquals("{\"return\": {}}", bystander.text());
                assertTrue(server.sessionCount() >= 2);
            }
        }
    }

    /**
     * A client that floods without ever reading its replies is slowed down (the server stops
     * reading it while replies wait), not allowed to grow the server's memory; others go on.
     */
    @Test
    void aFlooderThatNeverReadsIsThrottled() throws Exception {
        try (QmpServer server = new QmpServer(new TinyQemu().commands())) {
            Endpoint endpoint = server.listen(Endpoint.unix(dir.resolve("qmp.sock")));
            SocketChannel flooder = Sockets.connect(endpoint, Duration.ofSeconds(5));
            AtomicLong sent = new AtomicLong();
            Thread flood = new Thread(() -> {
                Random random = new Random(7);
                try {
                    for (int frame = 0; frame < 100_000; frame++) {
                        ByteBuffer bytes = ByteBuffer.wrap(frame(random));
                        while (bytes.hasRemaining()) {
                            sent.addAndGet(flooder.write(bytes));
                        }
                    }
                } catch (IOException closed) {
                    // the test closed it
                }
            });
            flood.start();
            try (RawConnection bystander = ServerFixture.negotiated(endpoint, false)) {
                for (int i = 0; i < 50; i++) {
                    bystander.send("{\"execute\": \"query-name\"}");
                    assertEquals("{\"return\": {}}", bystander.text());
                    Thread.sleep(20);
                }
            }
            long before = sent.get();
            Thread.sleep(300);
            assertEquals(before, sent.get(), "the flooder should be blocked by now");
            assertTrue(flood.isAlive());
            flooder.close();
            flood.join(5000);
        }
    }

    /** Reads and drops the victim's replies while the flood goes on, as a live client would. */
    private static Thread drainer(RawConnection connection) {
        Thread thread = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    connection.maybe(50);
                }
            } catch (InterruptedException e) {
                // done
            }
        });
        thread.start();
        return thread;
    }

    static byte[] frame(Random random) {
        switch (random.nextInt(8)) {
            case 0: {
                byte[] bytes = new byte[1 + random.nextInt(40)];
                random.nextBytes(bytes);
                return bytes;
            }
            case 1:
            case 2:
                return mutate(SEEDS[random.nextInt(SEEDS.length)].getBytes(StandardCharsets.UTF_8), random);
            case 3:
                return SEEDS[random.nextInt(SEEDS.length)].getBytes(StandardCharsets.UTF_8);
            case 4:
                return ("[".repeat(random.nextInt(100)) + "]".repeat(random.nextInt(100)))
                        .getBytes(StandardCharsets.UTF_8);
            case 5:
                return random.nextInt(100) == 0
                        ? ("\"" + "y".repeat(20_000) + "\"").getBytes(StandardCharsets.UTF_8)
                        : ("{\"execute\": \"" + "q".repeat(random.nextInt(200)) + "\"}")
                                .getBytes(StandardCharsets.UTF_8);
            case 6:
                return new byte[] {(byte) random.nextInt(256), '\n'};
            default:
                return ("{\"execute\": \"query-status\", \"id\": " + random.nextInt() + "}")
                        .getBytes(StandardCharsets.UTF_8);
        }
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] out = seed.clone();
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(3)) {
                case 0 -> out[at] = (byte) random.nextInt(256);
                case 1 -> out = Arrays.copyOf(out, Math.max(1, at));
                default -> {
                    byte[] longer = new byte[out.length + 1];
                    System.arraycopy(out, 0, longer, 0, at);
                    longer[at] = "{}[]:,'\"\\ ".getBytes(StandardCharsets.US_ASCII)[random.nextInt(10)];
                    System.arraycopy(out, at, longer, at + 1, out.length - at);
                    out = longer;
                }
            }
        }
        return out;
    }
}
