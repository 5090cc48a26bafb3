package io.qapi.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The server's classes depend on each other one way: the server on its sessions, a session on
 * the I/O loop and on routing, never back. A reference in code (comments aside) from one class
 * of the package to another is an arrow; the arrows must form no cycle.
 */
class LayeringTest {
    private static final Path SOURCES = Path.of("src/main/java/io/qapi/runtime/server");
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern STRINGS = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");

    @Test
    void theServerPackageHasNoCycle() throws IOException {
        Map<String, Set<String>> arrows = arrows();
        assertTrue(
                arrows.containsKey("Session") && arrows.get("ServerContext").contains("Session"),
                "the reading of the sources found the server's classes: " + arrows.keySet());
        List<String> cycle = cycle(arrows);
        assertEquals(List.of(), cycle, "a cycle of references among the server's classes");
    }

    @Test
    void theCheckFindsACycle() {
        Map<String, Set<String>> arrows = Map.of("A", Set.of("B"), "B", Set.of("C"), "C", Set.of("A"));
        assertEquals(List.of("A", "B", "C", "A"), cycle(arrows));
    }

    /** For each top-level class of the package, the others its code names. */
    private static Map<String, Set<String>> arrows() throws IOException {
        Map<String, String> code = new TreeMap<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = file.getFileName().toString().replace(".java", "");
                if (!name.equals("package-info")) {
                    String text = COMMENTS.matcher(Files.readString(file)).replaceAll(" ");
                    code.put(name, STRINGS.matcher(text).replaceAll("\"\""));
                }
            }
        }
        Map<String, Set<String>> arrows = new TreeMap<>();
        for (Map.Entry<String, String> from : code.entrySet()) {
            Set<String> to = new TreeSet<>();
            for (String other : code.keySet()) {
                Matcher use = Pattern.compile("\\b" + other + "\\b").matcher(from.getValue());
                if (!other.equals(from.getKey()) && use.find()) {
                    to.add(other);
                }
            }
            arrows.put(from.getKey(), to);
        }
        return arrows;
    }

    /** A cycle, as the classes along it with the first repeated at the end; empty when none. */
    private static List<String> cycle(Map<String, Set<String>> arrows) {
        Set<String> done = new TreeSet<>();
        for (String start : new TreeSet<>(arrows.keySet())) {
            List<String> found = search(start, arrows, new ArrayList<>(), done);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private static List<String> search(
            String node, Map<String, Set<String>> arrows, List<String> path, Set<String> done) {
        int at = path.indexOf(node);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
            cycle.add(node);
            return cycle;
        }
        if (done.contains(node)) {
            return List.of();
        }
        path.add(node);
        for (String next : new TreeSet<>(arrows.getOrDefault(node, Set.of()))) {
            List<String> found = search(next, arrows, path, done);
            if (!found.isEmpty()) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        done.add(node);
        return List.of();
    }
}
