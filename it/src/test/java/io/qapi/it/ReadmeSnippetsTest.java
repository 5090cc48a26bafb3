package io.qapi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README cannot drift from the tested examples: every Java snippet of "Using the runtime"
 * is a tagged region of {@link ReadmeExamplesTest}, character for character after common
 * indentation is removed, and every region is shown.
 */
class ReadmeSnippetsTest {
    private static final String SECTION = "Using the runtime";
    /** Surefire runs in the module's directory; the README is the repository's. */
    private static final Path README = Path.of("..", "README.md");
    private static final Path EXAMPLES = Path.of("src/test/java/io/qapi/it/ReadmeExamplesTest.java");

    @Test
    void everyReadmeSnippetIsTheTestedCode() throws IOException {
        String readme = Files.readString(README);
        String examples = Files.readString(EXAMPLES);
        assertTrue(ReadmeSnippets.markedSnippets(readme).size() >= 7, "the section's snippets are marked");
        assertEquals(List.of(), ReadmeSnippets.problems(readme, SECTION, examples));
    }

    private static final String TESTED = """
            class T {
                void m() {
                    // tag::call[]
                    int a = 1;
                    // end::call[]
                    check(a);
                    // tag::call[]
                    use(a);
                    // end::call[]
                }
            }
            """;

    private static String readme(String snippet) {
        return "## " + SECTION + "\n\n" + ReadmeSnippets.MARKER_PREFIX + "call -->\n```java\n" + snippet + "\n```\n"
                + "\n## Next\n";
    }

    @Test
    void regionsOfOneNameAreJoinedAndDedented() {
        assertEquals(Map.of("call", "int a = 1;\nuse(a);"), ReadmeSnippets.taggedRegions(TESTED));
        assertEquals(List.of(), ReadmeSnippets.problems(readme("int a = 1;\nuse(a);"), SECTION, TESTED));
    }

    @Test
    void aChangedSnippetIsReported() {
        List<String> problems = ReadmeSnippets.problems(readme("int a = 2;\nuse(a);"), SECTION, TESTED);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("README snippet call differs from the tested code"), problems.get(0));
    }

    @Test
    void anUnmarkedBlockAndAnUnshownRegionAreReported() {
        String readme = "## " + SECTION + "\n\n```java\nint a = 1;\n```\n";
        assertEquals(List.of("tagged region call is shown nowhere in the README",
                "README line 3: a Java block in ## " + SECTION + " without a marker"),
                ReadmeSnippets.problems(readme, SECTION, TESTED));
    }

    @Test
    void anUnbalancedTagIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> ReadmeSnippets.taggedRegions("// tag::a[]\nint x;\n// end::b[]\n"));
        assertThrows(IllegalArgumentException.class, () -> ReadmeSnippets.taggedRegions("// tag::a[]\nint x;\n"));
    }
}
