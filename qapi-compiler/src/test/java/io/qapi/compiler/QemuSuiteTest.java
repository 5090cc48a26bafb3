package io.qapi.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qapi.compiler.conformance.CaseRunner;
import io.qapi.testsupport.SharedQemu;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** QEMU 11.0's own conformance suite, from {@code ../shared}: every case passes. */
class QemuSuiteTest {

    @Test
    void everyCaseOfQemusSuitePasses() throws Exception {
        String suite = SharedQemu.dir().resolve("v11.0.0/tests/qapi-schema").toString();
        CaseRunner runner = new CaseRunner(suite, QapiCompiler.Options.DEFAULT);
        List<String> cases = runner.cases();
        List<String> failures = new ArrayList<>();
        for (String name : cases) {
            CaseRunner.Outcome outcome = runner.run(name);
            if (!outcome.passed()) {
                failures.add(name + "\n" + outcome.report());
            }
        }
        assertEquals(208, cases.size(), "QEMU 11.0.0 runs 208 cases");
        assertEquals(List.of(), failures);
    }
}
