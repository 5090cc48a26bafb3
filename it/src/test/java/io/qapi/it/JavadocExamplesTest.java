package io.qapi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Java examples in the project's Javadoc (the code blocks in its {@code <pre>} elements) are
 * taken from tests: each example's statements appear, in order, in one test source of the
 * repository. An example
 * may leave parts out with {@code ...} or {@code …} (a whole line, or within a line), and its
 * trailing {@code //} comments are its own; everything else must be code that a test runs.
 */
class JavadocExamplesTest {
    /** Surefire runs in the module's directory; the sources are the repository's. */
    private static final Path ROOT = Path.of("..");

    private static final Pattern EXAMPLE =
            Pattern.compile("<pre>\\{@code\\n(.*?)\\n\\s*\\*?\\s*}</pre>", Pattern.DOTALL);
    private static final Pattern ELISION = Pattern.compile("\\.\\.\\.|…");

    /** One example: where it is, and its lines as code (comment prefixes and trailing comments gone). */
    record Example(String where, List<String> lines) {}

    @Test
    void everyJavadocExampleIsTakenFromATest() throws IOException {
        List<Example> examples = examples();
        assertTrue(examples.size() >= 5, "examples found: " + examples.size());
        List<String> tests =
                sources("src/test/java").stream().map(JavadocExamplesTest::read).toList();
        List<String> untested = new ArrayList<>();
        for (Example example : examples) {
            if (tests.stream().noneMatch(test -> containsInOrder(codeLines(test), example.lines()))) {
                untested.add(example.where() + ": " + String.join(" | ", example.lines()));
            }
        }
        assertEquals(List.of(), untested, "Javadoc examples found in no test");
    }

    @Test
    void anExampleMatchesTestLinesInOrderWithElisions() {
        List<String> test = codeLines("""
                try (Foo foo = Foo.open(path, 3)) {   // a test's comment
                    assertEquals(1, foo.size());
                    foo.close();
                }
                """);
        assertTrue(containsInOrder(test, List.of("try (Foo foo = Foo.open(…)) {", "foo.close();", "}")));
        assertFalse(containsInOrder(test, List.of("foo.close();", "try (Foo foo = Foo.open(…)) {")));
        assertFalse(containsInOrder(test, List.of("foo.reopen();")));
    }

    private static List<Example> examples() throws IOException {
        List<Example> out = new ArrayList<>();
        for (Path file : sources("src/main/java")) {
            String text = read(file);
            Matcher m = EXAMPLE.matcher(text);
            while (m.find()) {
                int line = (int) text.substring(0, m.start()).lines().count() + 1;
                List<String> lines = new ArrayList<>();
                for (String raw : m.group(1).split("\n")) {
                    String code = stripComment(raw.replaceFirst("^\\s*\\*", "").replace("{@literal @}", "@"))
                            .strip();
                    if (!code.isEmpty() && !ELISION.matcher(code).replaceAll("").isBlank()) {
                        lines.add(code);
                    }
                }
                out.add(new Example(ROOT.relativize(file) + ":" + line, lines));
            }
        }
        return out;
    }

    /** The lines of a source, stripped, without trailing comments, blank ones left out. */
    private static List<String> codeLines(String source) {
        return source.lines()
                .map(l -> stripComment(l).strip())
                .filter(l -> !l.isEmpty())
                .toList();
    }

    /** Whether {@code example}'s lines are lines of {@code test}, in order; an elision matches anything. */
    private static boolean containsInOrder(List<String> test, List<String> example) {
        int at = 0;
        for (String wanted : example) {
            Pattern pattern = linePattern(wanted);
            while (at < test.size() && !pattern.matcher(test.get(at)).matches()) {
                at++;
            }
            if (at == test.size()) {
                return false;
            }
            at++;
        }
        return true;
    }

    private static Pattern linePattern(String wanted) {
        StringBuilder regex = new StringBuilder();
        Matcher elision = ELISION.matcher(wanted);
        int last = 0;
        while (elision.find()) {
            regex.append(Pattern.quote(wanted.substring(last, elision.start()))).append(".*");
            last = elision.end();
        }
        return Pattern.compile(
                regex.append(Pattern.quote(wanted.substring(last))).toString());
    }

    /** A line without its trailing {@code //} comment (one outside a string literal). */
    private static String stripComment(String line) {
        boolean inString = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && (i == 0 || line.charAt(i - 1) != '\\')) {
                inString = !inString;
            } else if (!inString && c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static List<Path> sources(String tree) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
                Path dir = module.resolve(tree);
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> files = Files.walk(dir)) {
                        files.filter(f -> f.toString().endsWith(".java"))
                                .sorted()
                                .forEach(out::add);
                    }
                }
            }
        }
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
