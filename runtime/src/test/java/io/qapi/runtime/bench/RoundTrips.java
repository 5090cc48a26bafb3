package io.qapi.runtime.bench;

import io.qapi.runtime.client.QmpClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Measures synchronous round trips: each thread sends {@code query-version} on its own
 * connection and waits for the reply before sending the next, recording every latency.
 */
final class RoundTrips {

    /** Round trips per second and latency percentiles of one run. */
    record Result(String label, int connections, long calls, double seconds, long p50Nanos, long p99Nanos) {
        double perSecond() {
            return calls / seconds;
        }

        @Override
        public String toString() {
            return String.format(
                    "%-28s %2d conn  %9.0f round trips/s  p50 %6.1f us  p99 %7.1f us  (%d calls, %.2f s)",
                    label, connections, perSecond(), p50Nanos / 1e3, p99Nanos / 1e3, calls, seconds);
        }
    }

    private RoundTrips() {}

    /** {@code calls} round trips on each client, one thread per client, all started together. */
    static Result run(String label, List<QmpClient> clients, int calls) throws InterruptedException {
        long[][] latencies = new long[clients.size()][calls];
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients.size(); c++) {
            QmpClient client = clients.get(c);
            long[] mine = latencies[c];
            Thread thread = new Thread(
                    () -> {
                        try {
                            start.await();
                            for (int i = 0; i < calls; i++) {
                                long t0 = System.nanoTime();
                                client.execute("query-version", null).get(10, TimeUnit.SECONDS);
                                mine[i] = System.nanoTime() - t0;
                            }
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    "bench-" + c);
            threads.add(thread);
            thread.start();
        }
        long t0 = System.nanoTime();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long[] all =
                Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(
                label,
                clients.size(),
                all.length,
                seconds,
                all[all.length / 2],
                all[(int) Math.min(all.length - 1, Math.round(all.length * 0.99))]);
    }

    /** The run with the median rate among {@code results}. */
    static Result median(List<Result> results) {
        List<Result> sorted = new ArrayList<>(results);
        sorted.sort((a, b) -> Double.compare(a.perSecond(), b.perSecond()));
        return sorted.get(sorted.size() / 2);
    }
}
