package io.qapi.it.codegen;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Our golden cases: {@code src/test/resources/codegen/<case>/} holds {@code schema.json} (and
 * what it includes), an optional {@code args} file with qapic's options ({@code --package},
 * {@code --targets}, {@code -D}, and {@code --schema FILE} to use another case's schema), and
 * {@code expected/}, the generated sources as reviewed.
 */
record GoldenCase(String name, Path dir) {
    static final Path ROOT = Path.of("src/test/resources/codegen");

    static List<GoldenCase> all() {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("args")))
                    .sorted()
                    .map(d -> new GoldenCase(d.getFileName().toString(), d))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path expected() {
        return dir.resolve("expected");
    }

    /** The case's options, from its {@code args} file ({@code #} starts a comment line). */
    private List<String> args() {
        try {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve("args"))) {
                if (!line.isBlank() && !line.strip().startsWith("#")) {
                    out.addAll(Arrays.asList(line.strip().split("\\s+")));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<JavaFile> generate() {
        List<String> args = new ArrayList<>(args());
        Path schema = dir.resolve("schema.json");
        int at = args.indexOf("--schema");
        if (at >= 0) {
            schema = dir.resolve(args.get(at + 1)).normalize();
            args.subList(at, at + 2).clear();
        }
        return Generation.parse(args, "org.example." + name.replace('-', '_')).generate(schema);
    }
}
