package io.qapi.it.codegen;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qapi.testsupport.SharedQemu;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * Every generated set compiles against the runtime with {@code -Xlint:all -Werror}: no error
 * and no warning. The sets: our golden cases, the front end's accepted golden schemas, and
 * QEMU's full schemas (11.0 strictly, 7.2 with its looser documentation).
 */
class CompilesCleanlyTest {
    /** The front end's golden cases, one small schema per rule. */
    private static final Path FRONT_END_CASES = Path.of("../qapi-compiler/src/test/resources/golden");

    /** The check itself: a warning is as bad as an error. */
    @Test
    void aWarningFailsTheCheck() {
        String raw = """
                package check;

                public class Raw {
                    @SuppressWarnings("unused")
                    private final java.util.List list = new java.util.ArrayList<String>();
                }
                """;
        AssertionFailedError failure =
                assertThrows(AssertionFailedError.class, () -> Javac.compileCleanly(List.of(Javac.source(raw))));
        assertTrue(failure.getMessage().contains("check/Raw.java:5: warning: found raw type"), failure.getMessage());
    }

    @TestFactory
    Stream<DynamicTest> ourGoldenCases() {
        return GoldenCase.all().stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> Javac.compileCleanly(Javac.sources(c.generate()))));
    }

    /**
     * The same cases as a named module that requires {@code io.qapi.runtime}: generated code uses
     * only packages the runtime exports.
     */
    @TestFactory
    Stream<DynamicTest> ourGoldenCasesOnTheModulePath() {
        return GoldenCase.all().stream()
                .map(c -> DynamicTest.dynamicTest(
                        c.name(), () -> Javac.compileCleanlyAsModule(Javac.sources(c.generate()), "golden.consumer")));
    }

    /** The cases whose expected error is empty: the schemas the front end accepts. */
    @TestFactory
    Stream<DynamicTest> frontEndGoldenCasesThatAreValid() throws IOException {
        List<String> valid;
        try (Stream<Path> errs = Files.list(FRONT_END_CASES)) {
            valid = errs.filter(p -> p.getFileName().toString().endsWith(".err"))
                    .filter(p -> p.toFile().length() == 0)
                    .map(p -> p.getFileName().toString().replaceFirst("\\.err$", ""))
                    .sorted()
                    .toList();
        }
        assertFalse(valid.isEmpty(), "no front-end golden cases in " + FRONT_END_CASES.toAbsolutePath());
        return valid.stream()
                .map(name -> DynamicTest.dynamicTest(name, () -> {
                    Path schema = FRONT_END_CASES.resolve(name + ".json");
                    assertTrue(Files.isRegularFile(schema), schema + " is missing");
                    String pkg = "golden." + name.replace('-', '_');
                    Javac.compileCleanly(Javac.sources(Generation.of(pkg).generate(schema)));
                }));
    }

    @TestFactory
    Stream<DynamicTest> qemuSchemas() {
        return Stream.of(
                qemu("v11.0.0/qapi/qapi-schema.json", false),
                qemu("v11.0.0/qga/qapi-schema.json", false),
                qemu("v11.0.0/storage-daemon/qapi/qapi-schema.json", false),
                qemu("v7.2.0/qapi/qapi-schema.json", true),
                qemu("v7.2.0/qga/qapi-schema.json", true),
                qemu("v7.2.0/storage-daemon/qapi/qapi-schema.json", true));
    }

    private static DynamicTest qemu(String schema, boolean lenientDocs) {
        return DynamicTest.dynamicTest(schema, () -> {
            Path file = SharedQemu.path(schema);
            Generation generation = Generation.of("org.qemu.qmp");
            Javac.compileCleanly(
                    Javac.sources((lenientDocs ? generation.withLenientDocs() : generation).generate(file)));
        });
    }
}
