package io.qapi.it.diff;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The two programs a scenario runs against, from system properties:
 * <ul>
 * <li>the reference is the scenario's {@code binary} ({@code qemu-system-x86_64} unless it says
 * otherwise), found on {@code PATH}; where it is not installed the scenario is skipped, saying so;</li>
 * <li>the candidate is {@code qapi.model} (a command, split at spaces; the build sets it to the
 * {@code qemu-model} launcher at the repository root), followed by the scenario's
 * {@code model-args}. Where that does not exist the suite fails,
 * saying so, unless {@code qapi.diff.candidate=qemu}, which makes the reference its own candidate
 * (a check of the suite itself).</li>
 * </ul>
 */
final class Targets {
    static final String MODEL_PROPERTY = "qapi.model";
    static final String CANDIDATE_PROPERTY = "qapi.diff.candidate";

    private Targets() {}

    /** Skips the calling test where {@code binary} is not on {@code PATH}. */
    static void assumeInstalled(String binary) {
        Assumptions.assumeTrue(
                installed(binary),
                binary + " is not installed (apt-get install --no-install-recommends "
                        + "qemu-system-x86 qemu-system-arm): differential scenario skipped");
    }

    static boolean installed(String binary) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, binary)));
    }

    static List<String> reference(Scenario scenario) {
        return List.of(scenario.binary());
    }

    /** Whether the candidate is the reference itself ({@code -Dqapi.diff.candidate=qemu}). */
    static boolean selfCheck() {
        return "qemu".equals(System.getProperty(CANDIDATE_PROPERTY));
    }

    /**
     * The candidate's command for {@code scenario}; fails the calling test, saying what to do,
     * when the model's launcher does not exist.
     */
    static List<String> candidate(Scenario scenario) {
        if (selfCheck()) {
            return reference(scenario);
        }
        List<String> command = new ArrayList<>(modelCommand());
        Path launcher = Path.of(command.get(0));
        Assertions.assertTrue(
                Files.isExecutable(launcher),
                "the candidate " + launcher.toAbsolutePath()
                        + " does not exist or is not executable: build the model (its launcher qemu-model at the repository "
                        + "root), point -D" + MODEL_PROPERTY + "=COMMAND at it, or run with -D" + CANDIDATE_PROPERTY
                        + "=qemu to check the suite against QEMU itself");
        command.addAll(scenario.modelArgs());
        return command;
    }

    static List<String> modelCommand() {
        String configured = System.getProperty(MODEL_PROPERTY, "").strip();
        if (configured.isEmpty()) {
            return List.of(
                    Path.of("..", "qemu-model").toAbsolutePath().normalize().toString());
        }
        return List.of(configured.split("\\s+"));
    }
}
