package io.qapi.compiler.parse;

import io.qapi.compiler.source.SourceText;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The lexer's view of a {@link SourceText}, read in place: ANTLR's own char streams copy the
 * whole text first, which for a large schema is a noticeable part of a short-lived process.
 */
final class SourceCharStream implements CharStream {
    private final SourceText source;
    private final String name;
    private int index;

    SourceCharStream(SourceText source, String name) {
        this.source = source;
        this.name = name;
    }

    @Override
    public String getText(Interval interval) {
        int start = Math.max(0, interval.a);
        int stop = Math.min(interval.b, source.length() - 1);
        return stop < start ? "" : source.substring(start, stop + 1);
    }

    @Override
    public void consume() {
        if (index >= source.length()) {
            throw new IllegalStateException("cannot consume EOF");
        }
        index++;
    }

    @Override
    public int LA(int i) {
        int at = i > 0 ? index + i - 1 : index + i;
        if (i == 0 || at < 0 || at >= source.length()) {
            return IntStream.EOF;
        }
        return source.codePointAt(at);
    }

    @Override
    public int mark() {
        return -1;
    }

    @Override
    public void release(int marker) {}

    @Override
    public int index() {
        return index;
    }

    @Override
    public void seek(int target) {
        index = Math.min(target, source.length());
    }

    @Override
    public int size() {
        return source.length();
    }

    @Override
    public String getSourceName() {
        return name;
    }
}
