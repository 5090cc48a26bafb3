package io.qapi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README cannot drift from the tested examples: every Java and XML block of it is a tagged
 * region of tested code (the examples tests of this package, the invoker project that consumes
 * the plugin), character for character after common indentation is removed, and every region of
 * those files is shown.
 */
class ReadmeSnippetsTest {
    /** Surefire runs in the module's directory; the README is the repository's. */
    private static final Path ROOT = Path.of("..");

    private static final Path TESTS = Path.of("src/test/java/io/qapi/it");
    private static final List<String> EXAMPLE_CLASSES = List.of("ReadmeExamplesTest", "GeneratedJavaExamplesTest");
    /** The invoker project whose module and plugin set-up the README shows. */
    private static final String CONSUMER = "qapi-maven-plugin/src/it/consumer/";

    @Test
    void everyReadmeSnippetIsTheTestedCode() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Map<String, String> sources = new LinkedHashMap<>();
        for (String name : EXAMPLE_CLASSES) {
            sources.put(name, Files.readString(TESTS.resolve(name + ".java")));
        }
        sources.put(
                CONSUMER + "src/main/java/module-info.java",
                Files.readString(ROOT.resolve(CONSUMER + "src/main/java/module-info.java")));
        sources.put(CONSUMER + "pom.xml", asInstalled(Files.readString(ROOT.resolve(CONSUMER + "pom.xml"))));
        assertTrue(ReadmeSnippets.markedSnippets(readme).size() >= 13, "the snippets are marked");
        assertEquals(List.of(), ReadmeSnippets.problems(readme, sources));
    }

    /** An invoker project's pom as the plugin's user writes it: the invoker fills in our coordinates. */
    private static String asInstalled(String pom) throws IOException {
        String root = Files.readString(ROOT.resolve("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>qapi-java-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(root);
        assertTrue(version.find(), "the root pom names its version");
        return pom.replace("@project.groupId@", "io.qapi")
                .replace("@project.artifactId@", "qapi-maven-plugin")
                .replace("@project.version@", version.group(1));
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
        return "## Section\n\n" + ReadmeSnippets.MARKER_PREFIX + "call -->\n```java\n" + snippet + "\n```\n"
                + "\n## Next\n";
    }

    private static final Map<String, String> SOURCES = Map.of("ReadmeExamplesTest", TESTED);

    @Test
    void regionsOfOneNameAreJoinedAndDedented() {
        assertEquals(Map.of("call", "int a = 1;\nuse(a);"), ReadmeSnippets.taggedRegions(TESTED));
        assertEquals(List.of(), ReadmeSnippets.problems(readme("int a = 1;\nuse(a);"), SOURCES));
    }

    @Test
    void aChangedSnippetIsReported() {
        List<String> problems = ReadmeSnippets.problems(readme("int a = 2;\nuse(a);"), SOURCES);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("README snippet call differs from the tested code"), problems.get(0));
    }

    @Test
    void anUnmarkedBlockAndAnUnshownRegionAreReported() {
        String readme = "## Section\n\n```java\nint a = 1;\n```\n\n```xml\n<a/>\n```\n";
        assertEquals(
                List.of(
                        "tagged region call of ReadmeExamplesTest is shown nowhere in the README",
                        "README line 3: a java block without a marker",
                        "README line 7: a xml block without a marker"),
                ReadmeSnippets.problems(readme, SOURCES));
    }

    @Test
    void xmlRegionsAreTaggedInComments() {
        String pom = "<plugins>\n  <!-- tag::plugin[] -->\n  <plugin/>\n  <!-- end::plugin[] -->\n</plugins>\n";
        assertEquals(Map.of("plugin", "<plugin/>"), ReadmeSnippets.taggedRegions(pom));
        String readme = "<!-- pom.xml: plugin -->\n```xml\n<plugin/>\n```\n";
        assertEquals(List.of(), ReadmeSnippets.problems(readme, Map.of("pom.xml", pom)));
    }

    @Test
    void anUnbalancedTagIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ReadmeSnippets.taggedRegions("// tag::a[]\nint x;\n// end::b[]\n"));
        assertThrows(IllegalArgumentException.class, () -> ReadmeSnippets.taggedRegions("// tag::a[]\nint x;\n"));
    }
}
