package io.qapi.compiler.source;

import java.util.Arrays;

/**
 * The text of one schema file, read the way QEMU reads it: newlines normalised to {@code \n}
 * (Python's universal newlines) and a final newline added when missing.
 *
 * <p>Positions are code-point offsets, because that is how both ANTLR's char streams and
 * Python's strings count. Columns follow QEMU: 1-based, and a tab advances to the next
 * multiple of eight plus one.
 */
public final class SourceText {
    private final String text;
    /** Code points, only materialised when the text has characters outside the BMP. */
    private final int[] codePoints;

    private final int length;
    /** Built on first use: the parser takes lines from its tokens, so this is mostly for errors. */
    private int[] lineStarts;

    private SourceText(String text) {
        this.text = text;
        int cpCount = text.codePointCount(0, text.length());
        this.codePoints = cpCount == text.length() ? null : text.codePoints().toArray();
        this.length = cpCount;
    }

    /** Normalises raw file contents as QEMU's reader does. */
    public static SourceText of(String raw) {
        String text = raw.indexOf('\r') < 0 ? raw : raw.replace("\r\n", "\n").replace('\r', '\n');
        if (text.isEmpty() || text.charAt(text.length() - 1) != '\n') {
            text = text + "\n";
        }
        return new SourceText(text);
    }

    public String text() {
        return text;
    }

    /** Length in code points. */
    public int length() {
        return length;
    }

    public int codePointAt(int index) {
        return codePoints == null ? text.charAt(index) : codePoints[index];
    }

    /** The substring between two code-point offsets. */
    public String substring(int start, int end) {
        if (codePoints == null) {
            return text.substring(start, end);
        }
        return new String(codePoints, start, end - start);
    }

    /** Offset of the first newline at or after {@code from}, or {@link #length()}. */
    public int nextNewline(int from) {
        if (codePoints == null) {
            int at = text.indexOf('\n', from);
            return at < 0 ? length : at;
        }
        for (int i = from; i < length; i++) {
            if (codePoints[i] == '\n') {
                return i;
            }
        }
        return length;
    }

    /** 1-based line of a code-point offset. */
    public int lineOf(int index) {
        if (lineStarts == null) {
            lineStarts = computeLineStarts();
        }
        int found = Arrays.binarySearch(lineStarts, index);
        return found >= 0 ? found + 1 : -found - 1;
    }

    /** Code-point offset where the line containing {@code index} starts. */
    public int lineStartOf(int index) {
        int line = lineOf(index);
        return lineStarts[line - 1];
    }

    /** QEMU's column of {@code pos}, counted from {@code lineStart}: tabs advance to the next stop. */
    public int columnOf(int lineStart, int pos) {
        int col = 1;
        for (int i = lineStart; i < pos; i++) {
            col = codePointAt(i) == '\t' ? (col + 7) % 8 + 1 : col + 1;
        }
        return col;
    }

    public int columnOf(int pos) {
        return columnOf(lineStartOf(pos), pos);
    }

    private int[] computeLineStarts() {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        int[] starts = new int[count];
        int line = 1;
        for (int i = 0; i < length; i++) {
            if (codePointAt(i) == '\n' && line < count) {
                starts[line++] = i + 1;
            }
        }
        return starts;
    }
}
