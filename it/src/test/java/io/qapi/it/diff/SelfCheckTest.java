package io.qapi.it.diff;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every scenario against the real QEMU twice: the outcomes must be equal. This proves that the
 * normalisation is deterministic and that nothing host- or run-dependent (socket paths, thread
 * ids, timestamps, the order of asynchronous events) leaks into what the suite compares, so
 * that a difference against the candidate is the candidate's.
 */
class SelfCheckTest {
    @TestFactory
    Stream<DynamicTest> realQemuEqualsItself() throws Exception {
        return Scenarios.all().stream()
                .map(scenario -> DynamicTest.dynamicTest(
                        scenario.name(),
                        Scenarios.directory().resolve(scenario.name() + ".json").toUri(),
                        () -> {
                            Targets.assumeInstalled(scenario.binary());
                            Assumptions.assumeFalse(
                                    Targets.selfCheck(),
                                    "-Dqapi.diff.candidate=qemu: DifferentialTest runs QEMU against itself already");
                            Differential.compare(scenario, Targets.reference(scenario), Targets.reference(scenario))
                                    .ifPresent(report -> fail("QEMU differs from itself:\n" + report));
                        }));
    }
}
