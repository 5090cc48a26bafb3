package io.qapi.compiler.gen;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out a documentation text as Javadoc HTML. QAPI comments are written in a light
 * reStructuredText: paragraphs, {@code - item} lists, literal blocks (indented text after a line
 * ending in {@code ::}, or after a {@code .. qmp-example::} directive), and in older releases
 * {@code Example:} followed by {@code ->}/{@code <-} lines. Paragraphs and list items are wrapped
 * at {@link #WIDTH} columns; examples keep their lines, in a {@code <pre>} block holding an
 * {@code @code} tag.
 */
final class DocMarkup {
    /** The longest line of text; with the comment's indentation, lines stay within 120 columns. */
    static final int WIDTH = 84;

    private DocMarkup() {}

    /** The HTML of {@code raw} (plain text; escaping and references are done here). */
    static String html(String raw) {
        List<String> lines = List.of(raw.split("\n", -1));
        List<String> blocks = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank()) {
                i++;
            } else if (line.strip().startsWith(".. ") && line.strip().endsWith("::")) {
                i = literal(lines, i + 1, directiveTitle(line.strip()), blocks);
            } else if (isItem(line)) {
                i = list(lines, i, blocks);
            } else if (isExchange(line) || (indent(line) > 0 && !blocks.isEmpty())) {
                i = literal(lines, i, null, blocks);
            } else {
                i = paragraph(lines, i, blocks);
            }
        }
        return String.join("\n<p>\n", blocks);
    }

    private static String directiveTitle(String directive) {
        return directive.startsWith(".. qmp-example::") ? "Example:" : null;
    }

    private static boolean isItem(String line) {
        String s = line.stripLeading();
        return s.startsWith("- ") || s.startsWith("* ");
    }

    private static boolean isExchange(String line) {
        String s = line.stripLeading();
        return s.startsWith("-> ") || s.startsWith("<- ") || s.equals("->") || s.equals("<-");
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    /** Lines up to a blank line; a line ending in "::" announces a literal block. */
    private static int paragraph(List<String> lines, int start, List<String> blocks) {
        StringBuilder text = new StringBuilder();
        int i = start;
        while (i < lines.size()
                && !lines.get(i).isBlank()
                && !isItem(lines.get(i))
                && !(i > start && isExchange(lines.get(i)))) {
            text.append(text.length() == 0 ? "" : " ").append(lines.get(i).strip());
            i++;
        }
        String paragraph = text.toString();
        if (paragraph.endsWith("::")) {
            // rST: "Text::" shows "Text:" and the indented block after it is literal
            paragraph = paragraph.substring(0, paragraph.length() - 1);
        }
        blocks.add(wrap(Javadoc.text(paragraph)));
        return i;
    }

    /** Consecutive items; an item's continuation lines are indented more than its dash. */
    private static int list(List<String> lines, int start, List<String> blocks) {
        StringBuilder html = new StringBuilder("<ul>");
        int i = start;
        while (i < lines.size() && isItem(lines.get(i))) {
            int itemIndent = indent(lines.get(i));
            StringBuilder item =
                    new StringBuilder(lines.get(i).strip().substring(2).strip());
            i++;
            while (i < lines.size()
                    && !lines.get(i).isBlank()
                    && !isItem(lines.get(i))
                    && indent(lines.get(i)) > itemIndent) {
                item.append(' ').append(lines.get(i).strip());
                i++;
            }
            html.append("\n<li>").append(wrap(Javadoc.text(item.toString()))).append("</li>");
            while (i < lines.size() && lines.get(i).isBlank() && i + 1 < lines.size() && isItem(lines.get(i + 1))) {
                i++;
            }
        }
        blocks.add(html.append("\n</ul>").toString());
        return i;
    }

    /**
     * A literal block: the lines from {@code start} (leading blank lines skipped) while they are
     * indented, or are QMP exchanges, or blank inside the block; shown as written, dedented.
     */
    private static int literal(List<String> lines, int start, String title, List<String> blocks) {
        int i = start;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        List<String> body = new ArrayList<>();
        int end = i;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank()) {
                body.add("");
            } else if (indent(line) > 0 || isExchange(line) || (body.isEmpty() && title != null)) {
                body.add(line);
                end = i + 1;
            } else {
                break;
            }
            i++;
        }
        List<String> kept = body.subList(0, Math.max(0, Math.min(body.size(), end - firstNonBlank(lines, start))));
        if (kept.isEmpty()) {
            return Math.max(end, start);
        }
        int strip = kept.stream()
                .filter(l -> !l.isBlank())
                .mapToInt(DocMarkup::indent)
                .min()
                .orElse(0);
        List<String> dedented =
                kept.stream().map(l -> l.isBlank() ? "" : l.substring(strip)).toList();
        String code = String.join("\n", dedented);
        String pre = balanced(code) && !code.contains("*/")
                ? "<pre>{@code\n" + code.replace("\n@", "\n{@literal @}") + "\n}</pre>"
                : "<pre>\n" + Javadoc.text(code) + "\n</pre>";
        blocks.add(title == null ? pre : title + "\n" + pre);
        return end;
    }

    private static int firstNonBlank(List<String> lines, int start) {
        int i = start;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }

    /** Whether an {@code @code} tag can hold the text: its braces pair up. */
    private static boolean balanced(String code) {
        int depth = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /** Breaks text at spaces so that no line is longer than {@link #WIDTH} (unless one word is). */
    static String wrap(String text) {
        StringBuilder out = new StringBuilder();
        int lineStart = 0;
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            int lineLength = out.length() - lineStart;
            if (lineLength > 0 && lineLength + 1 + word.length() > WIDTH) {
                out.append('\n');
                lineStart = out.length();
            } else if (lineLength > 0) {
                out.append(' ');
            }
            out.append(word);
        }
        return out.toString();
    }
}
