package io.qapi.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words at white space, as QEMU's qmp-shell does, except that white
 * space inside quotes and inside brackets ({@code {...}}, {@code [...]}) stays in its word, so
 * that {@code model={"name": "max"}} is one argument. Quotes are kept: the value parser reads
 * them. Within double quotes a backslash escapes the next character, as in JSON.
 */
final class Words {

    private Words() {}

    /** The words of a complete line; an unterminated quote is an error. */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        if (scan(line, words).inQuote()) {
            throw new ShellError("Unterminated quote in: " + line.strip());
        }
        return words;
    }

    /**
     * The words of a line being typed: the last one may be cut short, in a quote or bracket.
     * When the line ends in white space outside quotes and brackets, the last word is empty
     * (the next word has begun).
     */
    static List<String> splitPartial(String line) {
        List<String> words = new ArrayList<>();
        if (!scan(line, words).inWord()) {
            words.add("");
        }
        return words;
    }

    /** Where a scan ended: inside a quote, inside a word (perhaps in brackets), or between words. */
    private record End(boolean inQuote, boolean inWord) {}

    private static End scan(String line, List<String> words) {
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        int depth = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                word.append(c);
                if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (Character.isWhitespace(c) && depth == 0) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                continue;
            }
            inWord = true;
            word.append(c);
            switch (c) {
                case '"', '\'' -> quote = c;
                case '{', '[' -> depth++;
                case '}', ']' -> depth = Math.max(0, depth - 1);
                default -> {}
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return new End(quote != 0, inWord);
    }
}
