package io.qapi.compiler.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qapi.compiler.FuzzTest;
import io.qapi.compiler.parse.grammar.QapiLexer;
import io.qapi.compiler.source.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

/**
 * The tokenizer reads whitespace and comments without the generated automaton; the tokens must
 * be exactly the grammar's, on real schemas and on mutated ones.
 */
class TokenizerEquivalenceTest {

    @Test
    void sameTokensAsTheGeneratedLexer() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("src/test/resources/golden"))) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        Random random = new Random(7);
        for (Path file : files) {
            String text = Files.readString(file);
            compare(file.toString(), text);
            for (int i = 0; i < 5; i++) {
                compare(file + " mutant " + i, FuzzTest.mutate(text, random));
            }
        }
        compare("odd spacing", "\u2028{\t# c\u00e9\n\u000b##x\n  'a'\u3000:#\n##\n}");
        compare("astral", "# \uD83D\uDE00 \n{ 'x': '\uD83D\uDE00' } # \uD83D\uDE00");
    }

    private static void compare(String what, String raw) {
        SourceText text = SourceText.of(raw);
        assertEquals(
                describe(new QapiLexer(CharStreams.fromString(text.text()))),
                describe(new QapiTokenizer(CharStreams.fromString(text.text()), text)),
                what);
    }

    private static String describe(QapiLexer lexer) {
        lexer.removeErrorListeners();
        StringBuilder out = new StringBuilder();
        for (Token t = lexer.nextToken(); ; t = lexer.nextToken()) {
            // An error token stands for the grammar's token at the same place.
            int type = t instanceof QapiTokenizer.LexError error ? error.grammarType : t.getType();
            out.append(QapiLexer.VOCABULARY.getSymbolicName(type))
                    .append(' ')
                    .append(t.getStartIndex())
                    .append('-')
                    .append(t.getStopIndex())
                    .append(' ')
                    .append(t.getLine())
                    .append(':')
                    .append(t.getCharPositionInLine())
                    .append(' ')
                    .append(t.getChannel())
                    .append('\n');
            if (t.getType() == Token.EOF) {
                return out.toString();
            }
        }
    }
}
