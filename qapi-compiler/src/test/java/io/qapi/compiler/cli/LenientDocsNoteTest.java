package io.qapi.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qapi.compiler.Fixtures;
import io.qapi.compiler.QapiCompiler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema that fails only a rule older QEMU releases did not have gets, after QEMU's own
 * message, a note that {@code --lenient-docs} accepts it; other errors get none.
 */
class LenientDocsNoteTest {
    /** QEMU 2.8's style: a symbol line without its colon. */
    private static final String OLD_DOCS = """
            ##
            # @Kettle
            #
            # Boils water.
            ##
            { 'struct': 'Kettle', 'data': { 'litres': 'int' } }
            """;

    private static final String UNKNOWN_TYPE = "{ 'struct': 'Kettle', 'data': { 'litres': 'Litre' } }\n";

    @TempDir
    Path dir;

    private record Run(int status, String err) {}

    private Run qapic(String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int status = Qapic.run(args);
            return new Run(status, stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }

    private String schema(String text) throws IOException {
        return Files.writeString(dir.resolve("s.json"), text).toString();
    }

    @Test
    void anOldSchemaIsToldAboutLenientDocsAfterQemusMessage() throws IOException {
        String file = schema(OLD_DOCS);
        Run run = qapic("check", file);
        assertEquals(
                new Run(1, file + ":2:1: line should end with ':'\n" + SchemaOptions.LENIENT_DOCS_NOTE + "\n"), run);
        assertEquals(new Run(0, ""), qapic("check", "--lenient-docs", file));
    }

    @Test
    void everyCommandThatReadsASchemaGivesTheNote() throws IOException {
        String file = schema(OLD_DOCS);
        for (String[] args : new String[][] {
            {"dump-ir", file},
            {"introspect", file},
            {"check", "--all-errors", file},
            {"generate", file, "-o", dir.resolve("out").toString(), "--package", "org.example"}
        }) {
            Run run = qapic(args);
            assertEquals(1, run.status(), String.join(" ", args));
            assertTrue(run.err().endsWith("\n" + SchemaOptions.LENIENT_DOCS_NOTE + "\n"), run.err());
        }
    }

    @Test
    void anErrorOldReleasesReportedTooGetsNoNote() throws IOException {
        String file = schema(UNKNOWN_TYPE);
        Run run = qapic("check", file);
        assertEquals(
                new Run(1, file + ": In struct 'Kettle':\n" + file + ":1: member 'litres' uses unknown type 'Litre'\n"),
                run);
    }

    @Test
    void theNoteIsGivenWhenAnyReportedErrorIsOneLenientDocsAccepts() {
        Fixtures both = Fixtures.file("s.json", UNKNOWN_TYPE.replace("Kettle", "Pot") + OLD_DOCS);
        QapiCompiler.Options all = new QapiCompiler.Options(false, true);
        QapiCompiler.Result strict = both.compile(all);
        assertEquals(2, strict.errors().size());
        assertTrue(QapiCompiler.lenientDocsAccepts("s.json", all, strict, both.loader()));

        Fixtures unknown = Fixtures.file("s.json", UNKNOWN_TYPE);
        assertFalse(QapiCompiler.lenientDocsAccepts("s.json", all, unknown.compile(all), unknown.loader()));
        QapiCompiler.Options lenient = new QapiCompiler.Options(true, false);
        assertFalse(QapiCompiler.lenientDocsAccepts("s.json", lenient, unknown.compile(lenient), unknown.loader()));
    }
}
