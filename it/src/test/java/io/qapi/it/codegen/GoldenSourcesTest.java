package io.qapi.it.codegen;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Generated sources compared, file for file and byte for byte, with the reviewed ones under
 * each golden case's {@code expected/}. Run with {@code -Dqapi.regenerate=true} to rewrite the
 * expected files from the current output (then review the diff: the expected files are what
 * the generator should produce, not merely what it does).
 */
class GoldenSourcesTest {

    @TestFactory
    Stream<DynamicTest> generatedSourcesMatchTheExpectedFiles() {
        List<GoldenCase> cases = GoldenCase.all();
        assertFalse(cases.isEmpty(), "no golden cases under " + GoldenCase.ROOT.toAbsolutePath());
        boolean regenerate = Boolean.getBoolean("qapi.regenerate");
        return cases.stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    Map<String, String> actual = texts(c.generate());
                    if (regenerate) {
                        rewrite(c.expected(), actual);
                        return;
                    }
                    compare(c.name(), read(c.expected()), actual);
                }));
    }

    private static Map<String, String> texts(List<JavaFile> files) {
        Map<String, String> out = new TreeMap<>();
        files.forEach(f -> out.put(Generation.relativePath(f), f.toString()));
        return out;
    }

    private static void compare(String name, Map<String, String> expected, Map<String, String> actual) {
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(expected.keySet(), actual.keySet(), "the generated files"));
        for (String path : new TreeSet<>(expected.keySet())) {
            if (actual.containsKey(path)) {
                checks.add(() -> assertEquals(expected.get(path), actual.get(path), path));
            }
        }
        assertAll("golden case " + name, checks);
    }

    private static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void rewrite(Path dir, Map<String, String> files) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path target = dir.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
        }
    }
}
