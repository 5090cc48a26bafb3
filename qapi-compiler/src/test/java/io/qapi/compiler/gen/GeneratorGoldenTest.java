package io.qapi.compiler.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.JavaFile;
import io.qapi.compiler.QapiCompiler;
import io.qapi.compiler.diag.Diagnostics;
import io.qapi.compiler.gen.GenOptions.Target;
import io.qapi.runtime.api.QmpError;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each generator on a small schema of its own ({@code src/test/resources/generators/NAME}): what
 * it writes equals {@code expected/}, and everything the schema generates compiles with
 * {@code -Xlint:all -Werror} against the runtime. A change to one generator shows here, in its
 * own case, without the end-to-end module. {@code -Dqapi.regenerate=true} rewrites the
 * expected files from the current output (then review the diff).
 */
class GeneratorGoldenTest {
    private static final Path ROOT = Path.of("src/test/resources/generators");
    private static final List<String> JAVAC = List.of("--release", "17", "-Xlint:all", "-Werror");

    @TestFactory
    Stream<DynamicTest> everyGeneratorWritesItsGoldenAndItCompiles() throws IOException {
        List<Path> cases;
        try (Stream<Path> dirs = Files.list(ROOT)) {
            cases = dirs.filter(Files::isDirectory).sorted().toList();
        }
        assertEquals(8, cases.size(), "one case per generator under " + ROOT.toAbsolutePath());
        boolean regenerate = Boolean.getBoolean("qapi.regenerate");
        return cases.stream()
                .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
                    String name = dir.getFileName().toString();
                    Set<Target> targets = targets(dir);
                    Map<String, String> written = render(generate(dir, "golden." + name, targets));
                    assertFalse(written.isEmpty(), name + ": the generator wrote nothing");
                    Path expected = dir.resolve("expected");
                    if (regenerate) {
                        rewrite(expected, written);
                    } else {
                        assertEquals(read(expected).keySet(), written.keySet(), name + ": the files written");
                        read(expected)
                                .forEach((file, text) -> assertEquals(text, written.get(file), name + ": " + file));
                    }
                    compiles(name, generate(dir, "golden." + name, EnumSet.allOf(Target.class)));
                }));
    }

    private static Set<Target> targets(Path dir) throws IOException {
        return Stream.of(Files.readString(dir.resolve("targets")).trim().split(","))
                .map(t -> Target.valueOf(t.trim().toUpperCase(Locale.ROOT)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Target.class)));
    }

    private static List<JavaFile> generate(Path dir, String basePackage, Set<Target> targets) {
        QapiCompiler.Result result =
                QapiCompiler.compile(dir.resolve("schema.json").toString(), QapiCompiler.Options.DEFAULT);
        if (!result.ok()) {
            fail(dir + ": the schema is invalid: " + result.errors());
        }
        Diagnostics diagnostics = new Diagnostics(true);
        List<JavaFile> files = JavaGenerator.generate(
                result.schema(), new GenOptions(basePackage, Defines.EVERYTHING, targets), diagnostics);
        assertTrue(diagnostics.errors().isEmpty(), dir + ": " + diagnostics.errors());
        return files;
    }

    /** Relative path (package directories and file name) → source text. */
    private static Map<String, String> render(List<JavaFile> files) {
        Map<String, String> out = new TreeMap<>();
        for (JavaFile f : files) {
            out.put(f.packageName().replace('.', '/') + "/" + f.typeSpec().name() + ".java", f.toString());
        }
        return out;
    }

    private static Map<String, String> read(Path expected) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(expected)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(expected)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.put(
                        expected.relativize(p).toString().replace(File.separatorChar, '/'),
                        Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void rewrite(Path expected, Map<String, String> written) throws IOException {
        if (Files.isDirectory(expected)) {
            try (Stream<Path> old = Files.walk(expected)) {
                for (Path p : old.sorted((a, b) -> b.getNameCount() - a.getNameCount())
                        .toList()) {
                    Files.delete(p);
                }
            }
        }
        for (Map.Entry<String, String> e : written.entrySet()) {
            Path file = expected.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
        }
    }

    private static void compiles(String name, List<JavaFile> files) {
        List<JavaFileObject> sources = files.stream()
                .map(f -> JavaFileObjects.forSourceString(
                        f.packageName() + "." + f.typeSpec().name(), f.toString()))
                .toList();
        Compilation compilation = Compiler.javac()
                .withOptions(JAVAC)
                .withClasspath(runtimeClasspath())
                .compile(sources);
        String problems = compilation.diagnostics().stream()
                .filter(d -> d.getKind() != Diagnostic.Kind.NOTE && d.getKind() != Diagnostic.Kind.OTHER)
                .map(d -> (d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ")
                        + d.getMessage(Locale.ROOT))
                .collect(Collectors.joining("\n"));
        assertEquals(Compilation.Status.SUCCESS, compilation.status(), name + ": " + problems);
        assertEquals("", problems, name + ": warnings with " + JAVAC);
    }

    private static List<File> runtimeClasspath() {
        return Stream.of(
                        QmpError.class,
                        JsonNode.class,
                        com.fasterxml.jackson.core.JsonParser.class,
                        com.fasterxml.jackson.annotation.JsonProperty.class)
                .map(c -> {
                    try {
                        return new File(c.getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI());
                    } catch (URISyntaxException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }
}
