package io.qapi.runtime.bench;

import io.qapi.runtime.client.ClientOptions;
import io.qapi.runtime.client.QmpClient;
import io.qapi.runtime.server.QmpServer;
import io.qapi.runtime.server.TinyQemu;
import io.qapi.runtime.transport.ChildJvm;
import io.qapi.runtime.transport.Endpoint;
import io.qapi.runtime.transport.Sockets;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Round trips per second of {@link QmpClient} against our server (a separate JVM answering
 * {@code query-version}) and against a real QEMU ({@code -machine none}), over unix sockets:
 * one connection, then 16 at once (QEMU serves one client per monitor, so it gets 16
 * {@code -qmp} sockets). Each figure is the median of several runs after a warm-up, with the
 * CPU time client and server spent per call. Run by {@code bench/qmp.sh}; {@code serve PATH} is the server side.
 */
public final class QmpBench {
    private QmpBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("serve")) {
            serve(Path.of(args[1]));
            return;
        }
        int calls = Integer.getInteger("calls", 20_000);
        int runs = Integer.getInteger("runs", 3);
        Path dir = Files.createTempDirectory("qmp-bench");
        List<RoundTrips.Result> results = new ArrayList<>();
        Process ours = start(
                List.of(
                        java(),
                        "-cp",
                        ChildJvm.classPath(QmpBench.class),
                        QmpBench.class.getName(),
                        "serve",
                        dir.resolve("ours.sock").toString()),
                dir.resolve("ours.sock"));
        try {
            List<Endpoint> one = List.of(Endpoint.unix(dir.resolve("ours.sock")));
            results.add(measure("ours, 1 connection", one, calls, runs, ours));
            results.add(measure("ours, 16 connections", repeat(one.get(0), 16), calls / 4, runs, ours));
        } finally {
            ours.destroy();
        }
        String qemu = System.getProperty("qemu", "qemu-system-x86_64");
        if (onPath(qemu)) {
            // One monitor, as QEMU is usually run; our client negotiates OOB when offered, so
            // it is measured both ways: with OOB, QEMU hands each command to its main thread.
            Process real = startQemu(qemu, dir, "one", 1);
            try {
                List<Endpoint> socket = List.of(Endpoint.unix(dir.resolve("one0.sock")));
                results.add(measure("QEMU 7.2, 1 connection", socket, calls / 4, runs, real));
                results.add(measure(
                        "QEMU 7.2, 1 conn, no OOB",
                        socket,
                        calls / 4,
                        runs,
                        real,
                        ClientOptions.defaults().withOob(false)));
            } finally {
                stop(real);
            }
            // QEMU serves one client per monitor: 16 connections need 16 monitors.
            real = startQemu(qemu, dir, "many", 16);
            try {
                List<Endpoint> sockets = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    sockets.add(Endpoint.unix(dir.resolve("many" + i + ".sock")));
                }
                results.add(measure("QEMU 7.2, 16 connections", sockets, calls / 16, runs, real));
            } finally {
                stop(real);
            }
        } else {
            System.out.println(qemu + " not found: QEMU not measured");
        }
        System.out.println();
        System.out.println("median of " + runs + " runs:");
        results.forEach(System.out::println);
        if (results.size() == 5) {
            double fastestQemu =
                    Math.max(results.get(2).perSecond(), results.get(3).perSecond());
            System.out.printf(
                    "one connection: ours / QEMU = %.1fx (against QEMU's better figure, %.0f/s); "
                            + "16 connections: ours %.0f/s%n",
                    results.get(0).perSecond() / fastestQemu,
                    fastestQemu,
                    results.get(1).perSecond());
        }
    }

    private static RoundTrips.Result measure(
            String label, List<Endpoint> endpoints, int calls, int runs, Process server) throws Exception {
        return measure(label, endpoints, calls, runs, server, ClientOptions.defaults());
    }

    private static RoundTrips.Result measure(
            String label, List<Endpoint> endpoints, int calls, int runs, Process server, ClientOptions options)
            throws Exception {
        List<QmpClient> clients = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            clients.add(QmpClient.connect(endpoint, options));
        }
        try {
            RoundTrips.run(label + " (warm-up)", clients, Math.max(2000, calls / 2));
            List<RoundTrips.Result> all = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long clientCpu = clientCpuNanos();
                long serverCpu = serverCpuNanos(server);
                RoundTrips.Result result = RoundTrips.run(label, clients, calls);
                double perCall = 1e-3 / result.calls();
                System.out.printf(
                        "  %s  cpu/call: client %.1f us, server %.1f us%n",
                        result,
                        (clientCpuNanos() - clientCpu) * perCall,
                        (serverCpuNanos(server) - serverCpu) * perCall);
                all.add(result);
            }
            return RoundTrips.median(all);
        } finally {
            clients.forEach(QmpClient::close);
        }
    }

    private static long clientCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long serverCpuNanos(Process server) {
        return server.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static List<Endpoint> repeat(Endpoint endpoint, int times) {
        List<Endpoint> list = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            list.add(endpoint);
        }
        return list;
    }

    private static Process startQemu(String qemu, Path dir, String name, int monitors)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of(qemu, "-machine", "none", "-nodefaults", "-display", "none", "-S", "-accel", "tcg"));
        for (int i = 0; i < monitors; i++) {
            command.add("-qmp");
            command.add("unix:" + dir.resolve(name + i + ".sock") + ",server=on,wait=off");
        }
        return start(command, dir.resolve(name + (monitors - 1) + ".sock"));
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        process.waitFor(5, TimeUnit.SECONDS);
    }

    /** Starts a process and waits until its last socket accepts connections. */
    private static Process start(List<String> command, Path socket) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Sockets.awaitListening(Endpoint.unix(socket), Duration.ofMillis(100))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("did not start: " + command);
            }
        }
        return process;
    }

    private static void serve(Path socket) throws Exception {
        QmpServer server = new QmpServer(new TinyQemu().commands());
        server.listen(Endpoint.unix(socket));
        System.out.println("ready");
        Thread.sleep(Long.MAX_VALUE);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of(program));
    }
}
