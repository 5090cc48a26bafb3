package io.qapi.it.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Runs a scenario against the reference and the candidate side by side (two processes at a
 * time, no more) and compares their normalised outcomes.
 */
final class Differential {
    private static final ExecutorService TWO_AT_A_TIME = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "qmp-diff-target");
        thread.setDaemon(true);
        return thread;
    });

    private Differential() {}

    /** The two normalised outcomes of one scenario. */
    record Outcomes(JsonNode reference, JsonNode candidate) {
        Optional<JsonDiff.Difference> firstDifference() {
            return JsonDiff.first(reference, candidate);
        }
    }

    /**
     * The report of the first difference between the two targets' outcomes, or empty when they
     * are equal.
     */
    static Optional<String> compare(Scenario scenario, List<String> reference, List<String> candidate)
            throws Exception {
        Outcomes outcomes = run(scenario, reference, candidate);
        return outcomes.firstDifference()
                .map(d -> DiffReport.render(scenario, outcomes.reference(), outcomes.candidate(), d));
    }

    static Outcomes run(Scenario scenario, List<String> reference, List<String> candidate) throws Exception {
        Path dir = Files.createTempDirectory("qmp-diff-");
        try {
            Future<JsonNode> ref = TWO_AT_A_TIME.submit(() -> once(reference, scenario, dir.resolve("reference")));
            Future<JsonNode> cand = TWO_AT_A_TIME.submit(() -> once(candidate, scenario, dir.resolve("candidate")));
            long bound = runTimeoutSeconds(scenario);
            JsonNode referenceOutcome = await(ref, bound);
            return new Outcomes(
                    Normaliser.normalise(referenceOutcome, scenario),
                    Normaliser.normalise(await(cand, bound), scenario));
        } finally {
            deleteTree(dir);
        }
    }

    private static JsonNode once(List<String> command, Scenario scenario, Path dir) throws Exception {
        Files.createDirectories(dir);
        return TargetRun.run(command, scenario, dir);
    }

    /** Start, every step's timeout, the greeting, negotiation, drain and stop: a bound no healthy run comes near. */
    private static long runTimeoutSeconds(Scenario scenario) {
        return 30 + TargetRun.STEP_TIMEOUT.toSeconds() * (scenario.steps().size() + 3) + 30;
    }

    private static JsonNode await(Future<JsonNode> run, long seconds) throws Exception {
        try {
            return run.get(seconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            run.cancel(true);
            throw e;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
