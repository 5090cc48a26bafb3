package io.qapi.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qapi.runtime.transport.Endpoint;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Connections that never negotiate cannot lock clients out: they are closed after the
 * negotiation timeout, and those waiting at once are bounded apart from negotiated sessions,
 * the oldest making room for a newcomer.
 */
class AdmissionTest extends ServerFixture {
    /** Counts closed sessions by reason, and hands out each reason as it comes. */
    static final class Closings implements SessionListener {
        final Map<CloseReason.Kind, AtomicInteger> counts = new ConcurrentHashMap<>();
        final BlockingQueue<CloseReason> reasons = new LinkedBlockingQueue<>();

        @Override
        public void closed(long session, String peer, CloseReason reason) {
            counts.computeIfAbsent(reason.kind(), k -> new AtomicInteger()).incrementAndGet();
            reasons.add(reason);
        }

        int count(CloseReason.Kind kind) {
            AtomicInteger count = counts.get(kind);
            return count == null ? 0 : count.get();
        }
    }

    @Test
    void twoThousandIdleConnectionsDoNotKeepOutAClientThatNegotiates() throws Exception {
        Closings closings = new Closings();
        Endpoint endpoint = start(
                new TinyQemu().commands(),
                ServerOptions.builder().listener(closings).build());
        int idle = 2000;
        List<SocketChannel> idlers = new ArrayList<>();
        try {
            for (int i = 0; i < idle; i++) {
                idlers.add(connectWaiting(endpoint)); // never reads, never negotiates
            }
            long start = System.nanoTime();
            try (RawConnection prompt = new RawConnection(connectWaiting(endpoint))) {
                assertTrue(prompt.line().startsWith("{\"QMP\": "));
                prompt.send("{\"execute\": \"qmp_capabilities\"}");
                assertEquals("{\"return\": {}}", prompt.text());
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                prompt.send("{\"execute\": \"query-name\"}");
                assertEquals("{\"return\": {}}", prompt.text());
                int crowdedOut = closings.count(CloseReason.Kind.NEGOTIATION_CROWDED_OUT);
                System.out.println("admission: a prompt client negotiated past " + idle + " idle connections in "
                        + millis + " ms; " + crowdedOut + " of them had been closed to make room, "
                        + (server.sessionCount() - 1) + " still wait");
                assertTrue(
                        crowdedOut >= idle - ServerOptions.defaults().maxUnnegotiated(), "crowded out: " + crowdedOut);
            }
        } finally {
            for (SocketChannel idler : idlers) {
                idler.close();
            }
        }
    }

    /**
     * Connects in blocking mode, which waits while the server's accept queue is full, as a
     * client that means to get in does; a non-blocking connect would fail at once then.
     */
    private static SocketChannel connectWaiting(Endpoint endpoint) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(((Endpoint.Unix) endpoint).path()));
        return channel;
    }

    @Test
    void aConnectionThatDoesNotNegotiateInTimeIsClosed() throws Exception {
        Closings closings = new Closings();
        Endpoint endpoint = start(
                new TinyQemu().commands(),
                ServerOptions.builder()
                        .listener(closings)
                        .negotiationTimeout(Duration.ofMillis(300))
                        .build());
        try (RawConnection negotiatedInTime = negotiated(endpoint, false);
                RawConnection idle = new RawConnection(endpoint)) {
            assertTrue(idle.line().startsWith("{\"QMP\": "));
            assertTrue(idle.closedByPeer(10_000), "the idle connection is still open");
            CloseReason reason = closings.reasons.poll(5, TimeUnit.SECONDS);
            assertEquals(CloseReason.Kind.NEGOTIATION_TIMEOUT, reason.kind(), reason.toString());
            Thread.sleep(300); // past the timeout: a negotiated session is not subject to it
            negotiatedInTime.send("{\"execute\": \"query-name\"}");
            assertEquals("{\"return\": {}}", negotiatedInTime.text());
        }
    }

    @Test
    void theOldestWaitingConnectionMakesRoomForANewOne() throws Exception {
        Closings closings = new Closings();
        Endpoint endpoint = start(
                new TinyQemu().commands(),
                ServerOptions.builder().listener(closings).maxUnnegotiated(2).build());
        try (RawConnection first = new RawConnection(endpoint);
                RawConnection second = new RawConnection(endpoint)) {
            first.line();
            second.line();
            try (RawConnection third = new RawConnection(endpoint)) {
                third.line();
                assertTrue(first.closedByPeer(5000), "the oldest waiting connection is still open");
                assertEquals(
                        CloseReason.Kind.NEGOTIATION_CROWDED_OUT,
                        closings.reasons.poll(5, TimeUnit.SECONDS).kind());
                for (RawConnection qmp : List.of(second, third)) {
                    qmp.send("{\"execute\": \"qmp_capabilities\"}");
                    assertEquals("{\"return\": {}}", qmp.text());
                }
                assertEquals(1, closings.count(CloseReason.Kind.NEGOTIATION_CROWDED_OUT));
            }
        }
    }

    /** A monitor on standard I/O relayed by the application: a person may take their time. */
    @Test
    void theApplicationsOwnConnectionsWaitWithoutDeadlineAndAreNotCrowdedOut() throws Exception {
        Endpoint endpoint = start(
                new TinyQemu().commands(),
                ServerOptions.builder()
                        .maxUnnegotiated(1)
                        .negotiationTimeout(Duration.ofMillis(200))
                        .build());
        Endpoint own = server.listenForOwnClients(Endpoint.unix(dir.resolve("own.sock")));
        try (RawConnection person = new RawConnection(own);
                RawConnection stranger = new RawConnection(endpoint);
                RawConnection another = new RawConnection(endpoint)) {
            person.line();
            stranger.line();
            another.line();
            assertTrue(stranger.closedByPeer(5000), "crowded out by another");
            assertTrue(another.closedByPeer(5000), "timed out");
            Thread.sleep(300); // past the deadline the others had
            person.send("{\"execute\": \"qmp_capabilities\"}");
            assertEquals("{\"return\": {}}", person.text());
        }
    }

    @Test
    void negotiatedSessionsDoNotCountAgainstTheWaitingOnes() throws Exception {
        Endpoint endpoint = start(
                new TinyQemu().commands(),
                ServerOptions.builder().maxUnnegotiated(1).build());
        List<RawConnection> sessions = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                sessions.add(negotiated(endpoint, false)); // each waits alone, then negotiates
            }
            for (RawConnection qmp : sessions) {
                qmp.send("{\"execute\": \"query-name\"}");
                assertEquals("{\"return\": {}}", qmp.text());
            }
        } finally {
            for (RawConnection qmp : sessions) {
                qmp.close();
            }
        }
    }
}
