package io.qapi.it.diff;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The differential suite: every scenario against the real QEMU 7.2 and the candidate
 * ({@code ./qemu-model}, see {@link Targets}), one test per scenario file. A scenario passes
 * when the two normalised outcomes are equal; otherwise it fails with a {@link DiffReport}.
 */
class DifferentialTest {
    /** The scenarios the model answers today; see {@code diff-modeled.txt}. */
    private static final Set<String> MODELED = modeled();

    private static Set<String> modeled() {
        try (var in = DifferentialTest.class.getResourceAsStream("/diff-modeled.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("diff-modeled.txt is missing from the test resources", e);
        }
    }

    @Test
    void everyModeledScenarioExists() throws Exception {
        Assumptions.assumeTrue(
                System.getProperty(Scenarios.ONLY_PROPERTY) == null, "a subset of the scenarios was asked for");
        Set<String> names = Scenarios.all().stream().map(Scenario::name).collect(Collectors.toSet());
        for (String name : MODELED) {
            Assertions.assertTrue(names.contains(name), "diff-modeled.txt names a missing scenario: " + name);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioMatchesTheReference() throws Exception {
        return Scenarios.all().stream()
                .map(scenario -> DynamicTest.dynamicTest(
                        scenario.name(),
                        Scenarios.directory().resolve(scenario.name() + ".json").toUri(),
                        () -> {
                            Targets.assumeInstalled(scenario.binary());
                            Assumptions.assumeTrue(
                                    Targets.selfCheck() || MODELED.contains(scenario.name()),
                                    scenario.name() + ": not modeled yet (not listed in diff-modeled.txt)");
                            List<String> candidate = Targets.candidate(scenario);
                            Differential.compare(scenario, Targets.reference(scenario), candidate)
                                    .ifPresent(report -> fail(report));
                        }));
    }
}
