package io.qapi.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qapi.compiler.source.SourceInfo;
import io.qapi.compiler.source.SourceText;
import org.junit.jupiter.api.Test;

/** Lines, columns (with QEMU's tab stops), end of input and include chains. */
class PositionTest {

    @Test
    void columnsFollowQemusTabFormula() {
        // QEMU computes col = (col + 7) % 8 + 1 for a tab: within the first eight columns a tab
        // leaves the column where it was, and at column 9 it wraps to 1.
        SourceText text = SourceText.of("\tx\n  \t y\n{}      \tz\n");
        assertEquals(1, text.columnOf(1));
        assertEquals(4, text.columnOf(text.text().indexOf('y')));
        assertEquals(1, text.columnOf(text.text().indexOf('z')));
    }

    @Test
    void linesAreOneBasedAndOnlyNewlineEndsThem() {
        SourceText text = SourceText.of("a\nb\u2028c\nd");
        assertEquals(1, text.lineOf(0));
        assertEquals(2, text.lineOf(2));
        assertEquals(2, text.lineOf(4), "U+2028 is whitespace to QEMU, but not a line break");
        assertEquals(3, text.lineOf(6));
    }

    @Test
    void carriageReturnsAreNormalisedAndAFinalNewlineAdded() {
        assertEquals("a\nb\nc\n", SourceText.of("a\r\nb\rc").text());
        assertEquals("\n", SourceText.of("").text());
    }

    @Test
    void lexicalErrorReportsTheTokenStartWithTabs() {
        String errors = Fixtures.file("tabs.json", "{ 'struct': 'Thing',\n\t'data': { 'x': 'i\\nt' } }\n")
                .errors();
        assertEquals("tabs.json:2:16: unknown escape \\n", errors);
    }

    @Test
    void endOfInputIsReportedOnTheLastLine() {
        String errors = Fixtures.file("eof.json", "{ 'enum': 'Colour',\n  'data': [ 'red'")
                .errors();
        assertEquals("eof.json:2:18: expected ',' or ']'", errors);
    }

    @Test
    void includeChainIsPrintedOutermostFirst() {
        String errors = Fixtures.file("top.json", "{ 'include': 'mid.json' }\n")
                .and("mid.json", "\n{ 'include': 'leaf.json' }\n")
                .and("leaf.json", "{ 'enum': 'Shape' 'data': [] }\n")
                .errors();
        assertEquals(
                "In file included from top.json:1:\nIn file included from mid.json:2:\n"
                        + "leaf.json:1:19: expected ',' or '}'",
                errors);
    }

    @Test
    void definitionContextFollowsTheLocation() {
        SourceInfo at =
                SourceInfo.of("a.json", 4, SourceInfo.of("root.json", 2, null)).withDefinition("struct", "Box");
        assertEquals("In file included from root.json:2:\na.json: In struct 'Box':\na.json:4", at.toString());
    }

    @Test
    void astralCharactersCountAsOneColumn() {
        String errors = Fixtures.file("wide.json", "{ 'enum': '\uD83D\uDE00', 'data': [] } junk\n")
                .errors();
        assertEquals("wide.json:1:11: funny character in string", errors);
    }
}
