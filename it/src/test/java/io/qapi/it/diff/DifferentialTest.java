package io.qapi.it.diff;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The differential suite: every scenario against the real QEMU 7.2 and the candidate
 * ({@code ./qemu-model}, see {@link Targets}), one test per scenario file. A scenario passes
 * when the two normalised outcomes are equal; otherwise it fails with a {@link DiffReport}.
 */
class DifferentialTest {
    @TestFactory
    Stream<DynamicTest> everyScenarioMatchesTheReference() throws Exception {
        return Scenarios.all().stream().map(scenario -> DynamicTest.dynamicTest(scenario.name(),
                Scenarios.directory().resolve(scenario.name() + ".json").toUri(), () -> {
                    Targets.assumeInstalled(scenario.binary());
                    List<String> candidate = Targets.candidate(scenario);
                    Differential.compare(scenario, Targets.reference(scenario), candidate).ifPresent(report -> fail(report));
                }));
    }
}
