package io.qapi.compiler.gen.introspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qapi.compiler.cli.Qapic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qapic introspect}: the options reach the generator, and the reply is printed. */
class IntrospectCommandTest {
    private static final String SCHEMA = """
            { 'command': 'ping' }
            { 'command': 'probe', 'if': 'CONFIG_PROBE' }
            """;

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {}

    private Run qapic(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int status = Qapic.run(args);
            return new Run(status, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private String schema(String text) throws IOException {
        Path file = dir.resolve("s.json");
        Files.writeString(file, text);
        return file.toString();
    }

    @Test
    void withoutSymbolsEverythingIsPrintedCompact() throws IOException {
        Run run = qapic("introspect", schema(SCHEMA));
        assertEquals(0, run.status(), run.err());
        assertEquals(
                "[{\"arg-type\":\"0\",\"meta-type\":\"command\",\"name\":\"ping\",\"ret-type\":\"0\"},"
                        + "{\"arg-type\":\"0\",\"meta-type\":\"command\",\"name\":\"probe\",\"ret-type\":\"0\"},"
                        + "{\"members\":[],\"meta-type\":\"object\",\"name\":\"0\"}]\n",
                run.out());
    }

    @Test
    void symbolsSelectTheBuildAndUnmaskShowsTypeNames() throws IOException {
        Run run = qapic("introspect", "-D", "CONFIG_OTHER", "--unmask", "--pretty", schema(SCHEMA));
        assertEquals(0, run.status(), run.err());
        assertEquals("""
                [
                  {
                    "arg-type": "q_empty",
                    "meta-type": "command",
                    "name": "ping",
                    "ret-type": "q_empty"
                  },
                  {
                    "members": [],
                    "meta-type": "object",
                    "name": "q_empty"
                  }
                ]
                """, run.out());
    }

    @Test
    void anInvalidSchemaIsReportedAsQemuReportsIt() throws IOException {
        Run run = qapic("introspect", schema("{ 'command': 'ping', 'data': 'Nowhere' }\n"));
        assertEquals(1, run.status());
        assertEquals("", run.out());
        assertEquals(
                dir.resolve("s.json") + ": In command 'ping':\n" + dir.resolve("s.json")
                        + ":1: command's 'data' uses unknown type 'Nowhere'\n",
                run.err());
    }
}
