package io.qapi.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's Java snippets and the tested code they are copied from. A snippet is a
 * {@code ```java} block right after a marker line {@code <!-- ReadmeExamplesTest: NAME -->};
 * its code is what a test file holds between {@code // tag::NAME[]} and {@code // end::NAME[]}
 * (several regions of one name are joined in order, so that assertions can sit between them),
 * with the indentation common to all its lines removed.
 */
final class ReadmeSnippets {
    static final String MARKER_PREFIX = "<!-- ReadmeExamplesTest: ";

    private static final Pattern MARKER = Pattern.compile("^<!-- ReadmeExamplesTest: ([a-z0-9-]+) -->$");
    private static final Pattern TAG = Pattern.compile("^\\s*// (tag|end)::([a-z0-9-]+)\\[]$");

    private ReadmeSnippets() {
    }

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

    /** The README's marked snippets by name, as written there. */
    static Map<String, String> markedSnippets(String readme) {
        Map<String, String> snippets = new LinkedHashMap<>();
        List<String> lines = readme.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = MARKER.matcher(lines.get(i));
            if (!marker.matches()) {
                continue;
            }
            if (i + 1 >= lines.size() || !lines.get(i + 1).equals("```java")) {
                throw new IllegalArgumentException("README line " + (i + 1) + ": " + lines.get(i)
                        + " is not followed by a ```java block");
            }
            int end = i + 2;
            while (end < lines.size() && !lines.get(end).equals("```")) {
                end++;
            }
            if (snippets.put(marker.group(1), String.join("\n", lines.subList(i + 2, end))) != null) {
                throw new IllegalArgumentException("README: snippet " + marker.group(1) + " appears twice");
            }
        }
        return snippets;
    }

    /**
     * What is wrong with the README against the tested code: a snippet that differs from its
     * region or names none, a region no snippet shows, and a Java block in {@code section}
     * that has no marker (an example nothing tests). Empty when they agree.
     */
    static List<String> problems(String readme, String section, String testSource) {
        Map<String, String> regions = taggedRegions(testSource);
        Map<String, String> snippets = markedSnippets(readme);
        List<String> problems = new ArrayList<>();
        snippets.forEach((name, snippet) -> {
            String region = regions.get(name);
            if (region == null) {
                problems.add("README snippet " + name + " has no tagged region in the test");
            } else if (!region.equals(snippet)) {
                problems.add("README snippet " + name + " differs from the tested code:\n--- README\n" + snippet
                        + "\n--- test\n" + region);
            }
        });
        regions.keySet().stream().filter(name -> !snippets.containsKey(name))
                .forEach(name -> problems.add("tagged region " + name + " is shown nowhere in the README"));
        problems.addAll(unmarkedBlocks(readme, section));
        return problems;
    }

    /** Java blocks of one {@code ## } section that no marker ties to a test. */
    private static List<String> unmarkedBlocks(String readme, String section) {
        List<String> lines = readme.lines().toList();
        int start = lines.indexOf("## " + section);
        if (start < 0) {
            return List.of("README has no section ## " + section);
        }
        List<String> unmarked = new ArrayList<>();
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            if (lines.get(i).equals("```java") && !lines.get(i - 1).startsWith(MARKER_PREFIX)) {
                unmarked.add("README line " + (i + 1) + ": a Java block in ## " + section + " without a marker");
            }
        }
        return unmarked;
    }

    private static String dedent(List<String> lines) {
        int common = lines.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            out.add(line.isBlank() ? "" : line.substring(common));
        }
        return String.join("\n", out);
    }
}
