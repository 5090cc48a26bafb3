package io.qapi.it.diff;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The project's scenario files, {@code src/test/resources/diff/*.json}, in name order. The
 * system property {@code qapi.diff.only} (a regular expression matched against the whole name)
 * narrows them, for working on a few.
 */
final class Scenarios {
    static final String ONLY_PROPERTY = "qapi.diff.only";

    private Scenarios() {}

    /** The scenario directory on the test class path. */
    static Path directory() {
        URL url = Scenarios.class.getResource("/diff");
        if (url == null) {
            throw new IllegalStateException("no diff/ directory on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every scenario file (narrowed by {@code qapi.diff.only}), in name order. */
    static List<Path> files() throws IOException {
        Pattern only = Pattern.compile(System.getProperty(ONLY_PROPERTY, ".*"));
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .filter(f -> only.matcher(f.getFileName().toString().replaceFirst("\\.json$", ""))
                            .matches())
                    .sorted()
                    .toList();
        }
    }

    static List<Scenario> all() throws IOException {
        List<Scenario> scenarios = new ArrayList<>();
        for (Path file : files()) {
            scenarios.add(Scenario.read(file));
        }
        return scenarios;
    }
}
