package io.qapi.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's code snippets and the tested code they are copied from. A snippet is a
 * {@code ```java} or {@code ```xml} block right after a marker line {@code <!-- SOURCE: NAME -->},
 * where SOURCE is a test class of this package ({@code ReadmeExamplesTest}) or a file by its path
 * from the repository's root (an invoker project's {@code pom.xml}); its code is what that file
 * holds between {@code // tag::NAME[]} and {@code // end::NAME[]} (in XML, {@code <!-- tag::NAME[] -->}
 * and {@code <!-- end::NAME[] -->}; several regions of one name are joined in order, so that
 * assertions can sit between them), with the indentation common to all its lines removed.
 */
final class ReadmeSnippets {
    static final String MARKER_PREFIX = "<!-- ReadmeExamplesTest: ";

    private static final Pattern MARKER = Pattern.compile("^<!-- ([A-Za-z0-9_./-]+): ([a-z0-9-]+) -->$");
    private static final Pattern TAG = Pattern.compile("^\\s*(?://|<!--) (tag|end)::([a-z0-9-]+)\\[](?: -->)?$");
    private static final List<String> FENCES = List.of("```java", "```xml");

    /** A README snippet: the file that holds its code, its region's name, and the code as shown. */
    record Snippet(String source, String name, String code) {}

    private ReadmeSnippets() {}

    /** The tagged regions of a source file by name, each joined and dedented. */
    static Map<String, String> taggedRegions(String source) {
        Map<String, List<String>> regions = new LinkedHashMap<>();
        String open = null;
        int lineNumber = 0;
        for (String line : source.split("\n", -1)) {
            lineNumber++;
            Matcher tag = TAG.matcher(line);
            if (!tag.matches()) {
                if (open != null) {
                    regions.get(open).add(line);
                }
                continue;
            }
            boolean start = tag.group(1).equals("tag");
            String name = tag.group(2);
            if (start == (open != null) || (!start && !name.equals(open))) {
                throw new IllegalArgumentException("line " + lineNumber + ": unbalanced " + line.strip()
                        + (open != null ? " inside " + open : ""));
            }
            if (start) {
                regions.computeIfAbsent(name, n -> new ArrayList<>());
            }
            open = start ? name : null;
        }
        if (open != null) {
            throw new IllegalArgumentException("region " + open + " is not ended");
        }
        Map<String, String> joined = new LinkedHashMap<>();
        regions.forEach((name, lines) -> joined.put(name, dedent(lines)));
        return joined;
    }

    /** The README's marked snippets, in order, as written there. */
    static List<Snippet> markedSnippets(String readme) {
        List<Snippet> snippets = new ArrayList<>();
        List<String> lines = readme.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = MARKER.matcher(lines.get(i));
            if (!marker.matches()) {
                continue;
            }
            if (i + 1 >= lines.size() || !FENCES.contains(lines.get(i + 1))) {
                throw new IllegalArgumentException("README line " + (i + 1) + ": " + lines.get(i)
                        + " is not followed by a ```java or ```xml block");
            }
            int end = i + 2;
            while (end < lines.size() && !lines.get(end).equals("```")) {
                end++;
            }
            String source = marker.group(1);
            String name = marker.group(2);
            if (snippets.stream()
                    .anyMatch(s -> s.source().equals(source) && s.name().equals(name))) {
                throw new IllegalArgumentException("README: snippet " + source + ": " + name + " appears twice");
            }
            snippets.add(new Snippet(source, name, String.join("\n", lines.subList(i + 2, end))));
        }
        return snippets;
    }

    /**
     * What is wrong with the README against the tested code ({@code sources}: each file's text by
     * the name markers give it): a snippet that differs from its region or names none, a region of
     * a given file that no snippet shows, and a Java or XML block without a marker (an example
     * nothing tests). Empty when they agree.
     */
    static List<String> problems(String readme, Map<String, String> sources) {
        List<Snippet> snippets = markedSnippets(readme);
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, String>> regions = new LinkedHashMap<>();
        sources.forEach((source, text) -> regions.put(source, taggedRegions(text)));
        for (Snippet snippet : snippets) {
            Map<String, String> ofSource = regions.get(snippet.source());
            String region = ofSource == null ? null : ofSource.get(snippet.name());
            if (ofSource == null) {
                problems.add("README snippet " + snippet.source() + ": " + snippet.name() + " names an unknown file");
            } else if (region == null) {
                problems.add("README snippet " + snippet.name() + " has no tagged region in " + snippet.source());
            } else if (!region.equals(snippet.code())) {
                problems.add("README snippet " + snippet.name() + " differs from the tested code:\n--- README\n"
                        + snippet.code() + "\n--- " + snippet.source() + "\n" + region);
            }
        }
        regions.forEach((source, ofSource) -> ofSource.keySet().stream()
                .filter(name -> snippets.stream()
                        .noneMatch(s -> s.source().equals(source) && s.name().equals(name)))
                .forEach(name ->
                        problems.add("tagged region " + name + " of " + source + " is shown nowhere in the README")));
        problems.addAll(unmarkedBlocks(readme));
        return problems;
    }

    /** Java and XML blocks that no marker ties to tested code. */
    private static List<String> unmarkedBlocks(String readme) {
        List<String> lines = readme.lines().toList();
        List<String> unmarked = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (FENCES.contains(lines.get(i))
                    && (i == 0 || !MARKER.matcher(lines.get(i - 1)).matches())) {
                unmarked.add("README line " + (i + 1) + ": a " + lines.get(i).substring(3) + " block without a marker");
            }
        }
        return unmarked;
    }

    private static String dedent(List<String> lines) {
        int common = lines.stream()
                .filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length())
                .min()
                .orElse(0);
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            out.add(line.isBlank() ? "" : line.substring(common));
        }
        return String.join("\n", out);
    }
}
