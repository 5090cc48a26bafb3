package io.qapi.runtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import io.qapi.runtime.api.Json;
import io.qapi.runtime.json.JsonWriter;
import io.qapi.runtime.protocol.QmpMessages;
import io.qapi.runtime.transport.Endpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How long callers wait on a peer that stopped reading (the case of {@link StalledPeerTest}):
 * per run, a fresh connection to a {@link PeerDouble} that negotiates and then never reads, a
 * 2 MiB call and then a small call from another thread, each with a 1 s timeout. Prints, per
 * run and as medians, how long each {@code execute} took to return and how far past its 1 s
 * timeout each call failed; and, for comparison, how long encoding the 2 MiB command alone
 * takes (the large call's own work on its caller's thread). A caller still blocked after 5 s
 * is reported as such. Run by
 * {@code bench/stalled-call.sh}; {@code -Druns=N} (default 11).
 */
public final class StalledCallBench {
    private StalledCallBench() {}

    // the peer is opened for what it does to the client, and closed at the end; no line names it
    @SuppressWarnings("try")
    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("runs", 11);
        Path dir = Files.createTempDirectory("stalled-call");
        ExecutorService callers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "caller");
            thread.setDaemon(true);
            return thread;
        });
        JsonNode large = Json.object().put("blob", "x".repeat(2 << 20));
        Duration timeout = Duration.ofSeconds(1);
        double[][] figures = new double[5][runs];
        System.out.printf(
                "%-4s %16s %16s %18s %18s %14s%n",
                "run", "large returns us", "small returns us", "large fails +ms", "small fails +ms", "encoding us");
        for (int run = 0; run < runs; run++) {
            Endpoint endpoint = Endpoint.unix(dir.resolve("stalled-" + run + ".sock"));
            try (PeerDouble peer = PeerDouble.listen(endpoint, true);
                    QmpClient qmp = QmpClient.connect(endpoint)) {
                List<long[]> sent = new ArrayList<>();
                List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
                for (JsonNode arguments : Arrays.asList(large, null)) {
                    Future<Object[]> call = callers.submit(() -> {
                        long start = System.nanoTime();
                        CompletableFuture<JsonNode> future = qmp.execute("stalled", arguments, timeout);
                        return new Object[] {future, new long[] {start, System.nanoTime()}};
                    });
                    Object[] result;
                    try {
                        result = call.get(5, TimeUnit.SECONDS);
                    } catch (TimeoutException blocked) {
                        System.out.println("run " + run + ": the caller is still blocked after 5 s");
                        System.exit(1);
                        return;
                    }
                    @SuppressWarnings("unchecked")
                    CompletableFuture<JsonNode> future = (CompletableFuture<JsonNode>) result[0];
                    calls.add(future);
                    sent.add((long[]) result[1]);
                }
                for (int i = 0; i < 2; i++) {
                    try {
                        calls.get(i).get(10, TimeUnit.SECONDS);
                    } catch (ExecutionException expected) {
                        // the timeout
                    }
                    long[] times = sent.get(i);
                    figures[i][run] = (times[1] - times[0]) / 1e3;
                    figures[2 + i][run] = (System.nanoTime() - times[0]) / 1e6 - timeout.toMillis();
                }
            }
            long encoding = System.nanoTime();
            JsonWriter.INSERTION.line(QmpMessages.command("stalled", large, LongNode.valueOf(run), false));
            figures[4][run] = (System.nanoTime() - encoding) / 1e3;
            System.out.printf(
                    "%-4d %16.0f %16.0f %18.1f %18.1f %14.0f%n",
                    run, figures[0][run], figures[1][run], figures[2][run], figures[3][run], figures[4][run]);
        }
        System.out.printf(
                "%-4s %16.0f %16.0f %18.1f %18.1f %14.0f%n",
                "med",
                median(figures[0]),
                median(figures[1]),
                median(figures[2]),
                median(figures[3]),
                median(figures[4]));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
