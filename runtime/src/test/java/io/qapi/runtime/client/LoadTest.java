package io.qapi.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qapi.runtime.api.Json;
import io.qapi.runtime.protocol.QmpEvent;
import io.qapi.runtime.server.QmpServer;
import io.qapi.runtime.transport.Endpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 64 clients send 10,000 commands each, up to 64 at a time per client, while the server sends
 * 1,000 events: every reply comes back to the call that sent it, and every session gets every
 * event, in order.
 */
class LoadTest {
    static final int CLIENTS = 64;
    static final int COMMANDS = 10_000;
    static final int WINDOW = 64;
    static final int EVENTS = 1_000;

    @TempDir
    Path dir;

    @Test
    void noReplyLostOrMisroutedAndEveryEventEverywhere() throws Exception {
        try (QmpServer server = new QmpServer(QmpClientTest.extra())) {
            Endpoint endpoint = server.listen(Endpoint.unix(dir.resolve("qmp.sock")));
            List<QmpClient> clients = new ArrayList<>();
            List<EventSubscription<QmpEvent>> ticks = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                QmpClient client =
                        QmpClient.connect(endpoint, ClientOptions.defaults().withEventBuffer(2 * EVENTS));
                clients.add(client);
                ticks.add(client.subscribe(e -> e.name().equals("TICK")));
            }
            ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
            AtomicLong answered = new AtomicLong();
            long start = System.nanoTime();
            Thread emitter = new Thread(() -> {
                for (int i = 0; i < EVENTS; i++) {
                    server.emit("TICK", Json.object().put("n", i));
                    if (i % 50 == 0) {
                        sleep(5);
                    }
                }
            });
            emitter.start();
            List<Thread> drivers = new ArrayList<>();
            for (int d = 0; d < 8; d++) {
                int first = d * (CLIENTS / 8);
                drivers.add(new Thread(
                        () -> drive(clients.subList(first, first + CLIENTS / 8), first, errors, answered)));
            }
            drivers.forEach(Thread::start);
            for (Thread driver : drivers) {
                driver.join(TimeUnit.MINUTES.toMillis(3));
            }
            emitter.join();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "load: %d commands in %.1f s (%.0f/s)%n", answered.get(), seconds, answered.get() / seconds);
            assertEquals(List.of(), new ArrayList<>(errors).subList(0, Math.min(errors.size(), 5)));
            assertEquals((long) CLIENTS * COMMANDS, answered.get());
            for (EventSubscription<QmpEvent> subscription : ticks) {
                for (int i = 0; i < EVENTS; i++) {
                    assertEquals(
                            i,
                            subscription
                                    .next(Duration.ofSeconds(10))
                                    .data()
                                    .path("n")
                                    .asInt());
                }
                assertEquals(0, subscription.size());
            }
            clients.forEach(QmpClient::close);
        }
    }

    /** Sends every client's commands, at most {@link #WINDOW} outstanding per client. */
    // each reply's callback records its outcome in errors and answered; its own future adds nothing
    @SuppressWarnings("FutureReturnValueIgnored")
    private static void drive(
            List<QmpClient> clients, int first, ConcurrentLinkedQueue<String> errors, AtomicLong answered) {
        List<Semaphore> windows = new ArrayList<>();
        clients.forEach(c -> windows.add(new Semaphore(WINDOW)));
        for (int i = 0; i < COMMANDS; i++) {
            for (int c = 0; c < clients.size(); c++) {
                int client = first + c;
                int seq = i;
                Semaphore window = windows.get(c);
                window.acquireUninterruptibly();
                clients.get(c)
                        .execute("echo", Json.object().put("c", client).put("i", seq))
                        .whenComplete((reply, error) -> {
                            if (error != null) {
                                errors.add(client + "/" + seq + ": " + error);
                            } else if (reply.path("c").asInt() != client
                                    || reply.path("i").asInt() != seq) {
                                errors.add(client + "/" + seq + " got " + reply);
                            }
                            answered.incrementAndGet();
                            window.release();
                        });
            }
        }
        windows.forEach(w -> w.acquireUninterruptibly(WINDOW));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static {
        assertTrue(CLIENTS % 8 == 0);
    }
}
