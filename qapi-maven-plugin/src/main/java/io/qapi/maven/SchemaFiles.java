package io.qapi.maven;

import io.qapi.compiler.model.Module;
import io.qapi.compiler.model.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Which files make up a schema, and which files in a directory are roots. */
final class SchemaFiles {
    private static final Pattern INCLUDE = Pattern.compile("\\{\\s*'include'\\s*:\\s*'([^']+)'\\s*}");

    private SchemaFiles() {}

    /** A root schema as messages name it: relative to the schemas' directory when it is inside. */
    static String shortName(Path root, Path dir) {
        return root.startsWith(dir) ? dir.relativize(root).toString() : root.toString();
    }

    /** Every file a checked schema was read from: its modules. */
    static List<Path> of(Path root, Schema schema) {
        Path dir = root.toAbsolutePath().getParent();
        List<Path> files = new ArrayList<>();
        for (Module m : schema.modules()) {
            if (!m.name().equals(Module.BUILTIN)) {
                files.add(dir.resolve(m.name()).normalize());
            }
        }
        return files;
    }

    /**
     * The {@code *.json} files directly in {@code dir} that no schema file below it includes. A
     * quick scan for include directives is enough here: a file reads them again properly.
     */
    static List<Path> roots(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(dir)) {
            all = walk.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        }
        Set<Path> included = new HashSet<>();
        for (Path file : all) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.stripLeading().startsWith("#")) {
                    continue;
                }
                Matcher m = INCLUDE.matcher(line);
                while (m.find()) {
                    included.add(file.getParent().resolve(m.group(1)).normalize());
                }
            }
        }
        return all.stream()
                .filter(p -> p.getParent().equals(dir) && !included.contains(p.normalize()))
                .toList();
    }
}
