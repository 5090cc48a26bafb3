package io.qapi.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.qapi.compiler.conformance.CaseRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Our own golden cases: one small schema per rule under {@code src/test/resources/golden}, each
 * with the IR dump or error QEMU 11.0 prints for it. Run with {@code -Dqapi.regenerate=true} to
 * rewrite the expected files from the current output (then review the diff).
 */
class GoldenCasesTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden");

    @TestFactory
    Stream<DynamicTest> goldenCases() throws IOException {
        CaseRunner runner = new CaseRunner(GOLDEN.toString(), QapiCompiler.Options.DEFAULT);
        List<String> cases = runner.cases();
        assertTrue(cases.size() > 100, "expected the golden cases in " + GOLDEN.toAbsolutePath());
        boolean regenerate = Boolean.getBoolean("qapi.regenerate");
        return cases.stream()
                .map(name -> DynamicTest.dynamicTest(name, () -> {
                    if (regenerate) {
                        runner.regenerate(name);
                        return;
                    }
                    CaseRunner.Outcome outcome = runner.run(name);
                    if (!outcome.passed()) {
                        fail(name + "\n" + outcome.report());
                    }
                }));
    }
}
