package io.qapi.compiler.parse;

import io.qapi.compiler.diag.Diagnostics;
import io.qapi.compiler.diag.QapiException;
import io.qapi.compiler.parse.JsonValue.JsonArray;
import io.qapi.compiler.parse.JsonValue.JsonBool;
import io.qapi.compiler.parse.JsonValue.JsonObject;
import io.qapi.compiler.parse.JsonValue.JsonString;
import io.qapi.compiler.parse.QapiTokenizer.LexError;
import io.qapi.compiler.parse.grammar.QapiLexer;
import io.qapi.compiler.parse.grammar.QapiParser;
import io.qapi.compiler.parse.grammar.QapiParser.ArrayContext;
import io.qapi.compiler.parse.grammar.QapiParser.ObjectContext;
import io.qapi.compiler.parse.grammar.QapiParser.PairContext;
import io.qapi.compiler.parse.grammar.QapiParser.ValueContext;
import io.qapi.compiler.source.SourceInfo;
import io.qapi.compiler.source.SourceText;
import io.qapi.compiler.vocabulary.DocComment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Parses one schema file on its own: top-level items one at a time, so that every error
 * surfaces in the order QEMU's single-pass reader meets it. Directives are recorded, not acted
 * on: {@link SchemaReader} follows them when it splices the file in.
 */
final class FileParser {
    private final String file;
    private final SourceText text;
    private final boolean lenient;
    /** First-error mode: reading a file stops at its first error, as in QEMU. */
    private final Diagnostics diagnostics = new Diagnostics(false);

    private final List<FileSyntax.Event> events = new ArrayList<>();
    private final CommonTokenStream tokens;
    private final QapiParser parser;

    private FileParser(String file, SourceText text, boolean lenient) {
        this.file = file;
        this.text = text;
        this.lenient = lenient;
        QapiLexer lexer = new QapiTokenizer(new SourceCharStream(text, file), text, lenient);
        this.tokens = new CommonTokenStream(lexer);
        tokens.fill();
        this.parser = new QapiParser(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(new SyntaxErrorStrategy(this));
        parser.addParseListener(new DuplicateKeyListener(this, tokens));
        parser.addParseListener(new NestingLimitListener(this, tokens));
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    }

    /** Parses a file's text into its events. */
    static FileSyntax parse(String file, SourceText text, boolean lenient) {
        FileParser parser = new FileParser(file, text, lenient);
        try {
            parser.parseItems();
        } catch (Diagnostics.StopRun stop) {
            parser.events.add(new FileSyntax.Failure(parser.diagnostics.errors().get(0)));
        }
        return new FileSyntax(file, parser.events);
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    private void parseItems() {
        DocComment pendingDoc = null;
        DocReader docs = new DocReader(this, tokens.getTokens(), lenient);
        while (tokens.LA(1) != Token.EOF) {
            Token first = tokens.LT(1);
            SourceInfo info = infoAt(first);
            if (first.getType() == QapiLexer.DOC_COMMENT) {
                rejectDocWithoutDefinition(pendingDoc);
                DocComment doc = docs.read(first.getTokenIndex());
                tokens.seek(docs.nextIndex());
                if (doc != null) {
                    pendingDoc = doc;
                    events.add(new FileSyntax.Doc(doc));
                }
                continue;
            }
            JsonValue value = toJson(parser.item().value());
            // QEMU has already read the token after the expression: a lexical error there comes first.
            failOnLexError(tokens.LT(1));
            if (!(value instanceof JsonObject expr)) {
                throw diagnostics().error(info, "top-level expression must be an object");
            }
            if (expr.has("include")) {
                rejectDocWithoutDefinition(pendingDoc);
                include(expr, info);
            } else if (expr.has("pragma")) {
                rejectDocWithoutDefinition(pendingDoc);
                pragma(expr, info);
            } else {
                if (pendingDoc != null && pendingDoc.symbol() == null) {
                    if (!lenient) {
                        throw diagnostics().error(pendingDoc.info(), "definition documentation required");
                    }
                    pendingDoc = null;
                }
                events.add(new FileSyntax.Definition(new TopLevel.Definition(expr, info, pendingDoc)));
            }
            pendingDoc = null;
        }
        rejectDocWithoutDefinition(pendingDoc);
    }

    /** Leniently, such a comment stays unattached, as in releases that did not read documentation. */
    private void rejectDocWithoutDefinition(DocComment doc) {
        if (doc != null && doc.symbol() != null && !lenient) {
            throw diagnostics()
                    .error(doc.info(), "documentation for '" + doc.symbol() + "' is not followed by the definition");
        }
    }

    private void include(JsonObject expr, SourceInfo info) {
        if (expr.size() != 1) {
            throw diagnostics().error(info, "invalid 'include' directive");
        }
        if (!(expr.get("include") instanceof JsonString name)) {
            throw diagnostics().error(info, "value of 'include' must be a string");
        }
        events.add(new FileSyntax.Include(name.value(), info));
    }

    private void pragma(JsonObject expr, SourceInfo info) {
        if (expr.size() != 1) {
            throw diagnostics().error(info, "invalid 'pragma' directive");
        }
        if (!(expr.get("pragma") instanceof JsonObject pragmas)) {
            throw diagnostics().error(info, "value of 'pragma' must be an object");
        }
        pragmas.members().forEach((name, value) -> events.add(new FileSyntax.Pragma(name, value, info)));
    }

    // ---- positions and errors ----

    SourceInfo infoAt(Token token) {
        return SourceInfo.of(file, lineOf(token), null);
    }

    /** The lexer counts lines as QEMU does; only end of input needs the text's line table. */
    private int lineOf(Token token) {
        return token.getType() == Token.EOF ? text.lineOf(offsetOf(token)) : token.getLine();
    }

    /** Where the token's line starts, as a code-point offset. */
    private int lineStartOf(Token token) {
        return token.getType() == Token.EOF
                ? text.lineStartOf(offsetOf(token))
                : token.getStartIndex() - token.getCharPositionInLine();
    }

    /** QEMU reports end of input at the final newline. */
    private int offsetOf(Token token) {
        return Math.min(token.getStartIndex() < 0 ? text.length() : token.getStartIndex(), text.length() - 1);
    }

    QapiException syntaxError(Token token, String message) {
        return diagnostics().error(infoAt(token), text.columnOf(lineStartOf(token), offsetOf(token)), message);
    }

    /**
     * An error whose column is counted from the start of the token's source line plus two
     * (the "# " of a documentation line) plus {@code lineOffset}, as QEMU counts it.
     */
    QapiException syntaxErrorAfterHash(Token token, int lineOffset, String message) {
        int lineStart = lineStartOf(token);
        int pos = Math.min(lineStart + 2 + lineOffset, text.length() - 1);
        return diagnostics().error(infoAt(token), text.columnOf(lineStart, pos), message);
    }

    /** Reports a lexical error token. */
    void failOnLexError(Token token) {
        if (token instanceof LexError error) {
            throw syntaxError(token, error.message());
        }
    }

    /** The first default-channel token at or after {@code index}, checked for a lexical error. */
    int nextSignificant(int index) {
        List<Token> all = tokens.getTokens();
        int i = index;
        while (all.get(i).getChannel() != Token.DEFAULT_CHANNEL) {
            i++;
        }
        failOnLexError(all.get(i));
        return i;
    }

    // ---- parse tree to syntax records ----

    private JsonValue toJson(ValueContext ctx) {
        Token start = ctx.getStart();
        int line = start.getLine();
        int column = text.columnOf(start.getStartIndex() - start.getCharPositionInLine(), start.getStartIndex());
        // A value is one child, told apart by its first token.
        ParseTree child = ctx.getChild(0);
        switch (start.getType()) {
            case QapiLexer.LBRACE -> {
                Map<String, JsonValue> members = new LinkedHashMap<>();
                for (ParseTree part : ((ObjectContext) child).children) {
                    if (part instanceof PairContext pair) {
                        Token key = ((TerminalNode) pair.getChild(0)).getSymbol();
                        members.put(QapiTokenizer.stringValue(key), toJson((ValueContext) pair.getChild(2)));
                    }
                }
                return new JsonObject(members, line, column);
            }
            case QapiLexer.LBRACK -> {
                List<JsonValue> elements = new ArrayList<>();
                for (ParseTree part : ((ArrayContext) child).children) {
                    if (part instanceof ValueContext element) {
                        elements.add(toJson(element));
                    }
                }
                return new JsonArray(List.copyOf(elements), line, column);
            }
            case QapiLexer.STRING -> {
                return new JsonString(QapiTokenizer.stringValue(start), line, column);
            }
            default -> {
                return new JsonBool(start.getType() == QapiLexer.TRUE, line, column);
            }
        }
    }
}
