package io.qapi.compiler.parse;

import io.qapi.compiler.parse.grammar.QapiLexer;
import io.qapi.compiler.vocabulary.DocComment;
import io.qapi.compiler.vocabulary.DocKind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.Token;

/**
 * Reads one documentation comment block from the token list, line by line, checking each line
 * as it goes. Documentation is line-oriented text, so it is read here rather than by the
 * grammar; comment tokens wait on their hidden channel until this reader asks for them.
 *
 * <p>Leniently, documentation never makes a schema invalid: releases before 2.9 did not read
 * documentation comments at all, and later ones checked less than QEMU 11.0 does. A block that
 * is not one (a line of '#'s, or a '##' that a definition follows before any closing '##') is
 * read as ordinary comments, and a block that breaks the rules is kept as plain text.
 */
final class DocReader {
    private static final Pattern AT_NAME_COLON = Pattern.compile("@([^:]*): *");
    private static final Pattern TAG = Pattern.compile("(Returns|Errors|Since|Notes?|Examples?|TODO)(?!::): *");
    private static final Pattern LITERAL_START = Pattern.compile("(\\.\\. +qmp-example)? *::");
    private static final Pattern URL_LINE = Pattern.compile(" *(https?|ftp)://[^ ]*");
    private static final Pattern SINGLE_SPACE =
            Pattern.compile("(\\be\\.g\\.|^ *\\d\\.|([.!?])) [A-Z0-9(]", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int MAX_LINE = 70;

    private final FileParser file;
    private final List<Token> tokens;
    private final boolean lenient;
    private int index;
    private boolean literalMode;
    private int literalIndent;

    DocReader(FileParser file, List<Token> tokens, boolean lenient) {
        this.file = file;
        this.tokens = tokens;
        this.lenient = lenient;
    }

    /**
     * Reads the block that starts at token {@code start}.
     *
     * @return the comment; {@link #nextIndex()} tells where reading goes on
     */
    DocComment read(int start) {
        return lenient ? readLeniently(start) : readBlock(start);
    }

    /** Leniently: the comment, or {@code null} when the lines are ordinary comments. */
    private DocComment readLeniently(int start) {
        int close = closingLine(start);
        if (!tokens.get(start).getText().equals("##") || close < 0) {
            index = file.nextSignificant(start + 1);
            return null;
        }
        try {
            return readBlock(start);
        } catch (UnreadableDoc e) {
            DocComment doc = plainBlock(start, close);
            index = file.nextSignificant(close + 1);
            return doc;
        }
    }

    /** The index of the line that closes the block opened at {@code start}, or -1 if code comes first. */
    private int closingLine(int start) {
        for (int i = start + 1; i < tokens.size(); i++) {
            int type = tokens.get(i).getType();
            if (type == QapiLexer.DOC_COMMENT) {
                return i;
            }
            if (type != QapiLexer.COMMENT) {
                return -1;
            }
        }
        return -1;
    }

    /** A block kept as written: its symbol, if the first line names one, and its text as the body. */
    private DocComment plainBlock(int start, int close) {
        String symbol = null;
        List<String> lines = new ArrayList<>();
        for (int i = start + 1; i < close; i++) {
            String text = tokens.get(i).getText();
            String line = PythonText.rstrip(
                    text.length() > 1 && text.charAt(1) == ' ' ? text.substring(2) : text.substring(1));
            if (lines.isEmpty() && symbol == null && line.startsWith("@")) {
                symbol = legacySymbol(line);
                continue;
            }
            lines.add(line);
        }
        DocBuilder doc = new DocBuilder(file.diagnostics(), true, file.infoAt(tokens.get(start)), symbol);
        doc.ensureUntaggedSection(file.infoAt(tokens.get(start)));
        lines.forEach(doc::appendLine);
        return doc.build();
    }

    /**
     * The symbol of a first line that starts with '@'. Before 2.9 the colon was often missing
     * ("@Name"), and text sometimes followed it.
     */
    private static String legacySymbol(String line) {
        int end = 1;
        while (end < line.length() && line.charAt(end) != ':' && !Character.isWhitespace(line.charAt(end))) {
            end++;
        }
        return end > 1 ? line.substring(1, end) : null;
    }

    /** A rule broken: an error, or leniently, the signal to keep the block as plain text. */
    private RuntimeException error(Token token, String message) {
        if (lenient) {
            return new UnreadableDoc();
        }
        return file.syntaxError(token, message);
    }

    private DocComment readBlock(int start) {
        index = start;
        Token open = tok();
        if (!open.getText().equals("##")) {
            throw file.syntaxError(open, "junk after '##' at start of documentation comment");
        }
        DocBuilder doc;
        acceptLine();
        String line = docLine();
        if (line != null && line.startsWith("@")) {
            String symbol;
            if (line.endsWith(":")) {
                symbol = line.substring(1, line.length() - 1);
            } else if (lenient) {
                symbol = legacySymbol(line);
            } else {
                throw file.syntaxError(tok(), "line should end with ':'");
            }
            if (symbol == null || symbol.isEmpty()) {
                throw error(tok(), "name required after '@'");
            }
            doc = new DocBuilder(file.diagnostics(), lenient, file.infoAt(open), symbol);
            acceptLine();
            readDefinitionDoc(doc, docLine());
        } else {
            doc = new DocBuilder(file.diagnostics(), lenient, file.infoAt(open), null);
            readFreeForm(doc, line);
        }
        index = file.nextSignificant(index + 1);
        return doc.build();
    }

    /** Index of the first token after the block's closing line. */
    int nextIndex() {
        return index;
    }

    private void readDefinitionDoc(DocBuilder doc, String first) {
        String line = first;
        boolean noMoreArgs = false;
        while (line != null) {
            while ("".equals(line)) {
                acceptLine();
                line = docLine();
            }
            if (line == null) {
                break;
            }
            Matcher m;
            if (line.equals("Features:")) {
                if (doc.hasFeatures() && !lenient) {
                    throw file.syntaxError(tok(), "duplicated 'Features:' line");
                }
                acceptLine();
                line = docLine();
                while ("".equals(line)) {
                    acceptLine();
                    line = docLine();
                }
                while (line != null && (m = atNameColon(line)) != null) {
                    doc.newFeature(file.infoAt(tok()), m.group(1));
                    line = readDescription(doc, line, m);
                }
                if (!doc.hasFeatures() && !lenient) {
                    throw file.syntaxError(tok(), "feature descriptions expected");
                }
                noMoreArgs = true;
            } else if ((m = atNameColon(line)) != null) {
                if (noMoreArgs && !lenient) {
                    throw file.syntaxError(tok(), "description of '@" + m.group(1) + ":' follows a section");
                }
                while (line != null && (m = atNameColon(line)) != null) {
                    doc.newArgument(file.infoAt(tok()), m.group(1));
                    line = readDescription(doc, line, m);
                }
                noMoreArgs = true;
            } else if ((m = tagAt(line)) != null) {
                line = readTaggedSection(doc, line, m);
                noMoreArgs = true;
            } else {
                doc.ensureUntaggedSection(file.infoAt(tok()));
                doc.appendLine(line);
                line = readParagraph(doc);
            }
        }
    }

    private String readTaggedSection(DocBuilder doc, String line, Matcher m) {
        String tag = m.group(1);
        DocKind kind;
        if (tag.startsWith("Note") || tag.startsWith("Example")) {
            if (!lenient) {
                throw file.syntaxError(tok(), legacySectionMessage(tag));
            }
            // Releases before 9.1 had these sections; read them as plain paragraphs.
            kind = DocKind.PLAIN;
        } else {
            kind = DocKind.ofTag(tag);
        }
        if (kind == DocKind.PLAIN) {
            doc.ensureUntaggedSection(file.infoAt(tok()));
        } else {
            doc.newTaggedSection(file.infoAt(tok()), kind);
        }
        return readDescription(doc, line, m);
    }

    private static String legacySectionMessage(String tag) {
        if (tag.startsWith("Note")) {
            return "The '" + tag + "' section is no longer supported. Please use rST's '.. note::' or "
                    + "'.. admonition:: notes' directives, or another suitable admonition instead.";
        }
        return "The '" + tag + "' section is no longer supported. Please use the '.. qmp-example::' "
                + "directive, or other suitable markup instead.";
    }

    /** Appends the text after a tag on its first line, then the indented lines that follow. */
    private String readDescription(DocBuilder doc, String line, Matcher m) {
        String text = line.substring(m.end());
        if (!text.isEmpty()) {
            doc.appendLine(text);
        }
        return readIndented(doc);
    }

    private void readFreeForm(DocBuilder doc, String first) {
        doc.ensureUntaggedSection(file.infoAt(tok()));
        String line = first;
        while (line != null) {
            Matcher m = atNameColon(line);
            if (m != null && !lenient) {
                throw file.syntaxError(tok(), "'@" + m.group(1) + ":' not allowed in free-form documentation");
            }
            doc.appendLine(line);
            acceptLine();
            line = docLine();
        }
    }

    /**
     * Reads a section's continuation lines. The first non-blank line sets the indentation; a
     * line indented less ends the section after a blank line and is an error right after the
     * first line, as QEMU has it.
     */
    private String readIndented(DocBuilder doc) {
        acceptLine();
        String line = docLine();
        while ("".equals(line)) {
            doc.appendLine(line);
            acceptLine();
            line = docLine();
        }
        if (line == null) {
            return null;
        }
        int indent = PythonText.indent(line);
        if (indent == 0) {
            return line;
        }
        doc.appendLine(line);
        boolean afterFirstLine = false;
        while (true) {
            acceptLine();
            line = docLine();
            if (line == null || atNameColon(line) != null) {
                return line;
            }
            if (!line.isEmpty() && PythonText.indent(line) < indent) {
                if (afterFirstLine || lenient) {
                    return line;
                }
                throw file.syntaxError(tok(), "unexpected de-indent (expected at least " + indent + " spaces)");
            }
            doc.appendLine(line);
            afterFirstLine = true;
        }
    }

    private String readParagraph(DocBuilder doc) {
        while (true) {
            acceptLine();
            String line = docLine();
            if (line == null || line.isEmpty()) {
                return line;
            }
            doc.appendLine(line);
        }
    }

    private static Matcher atNameColon(String line) {
        if (line.isEmpty() || line.charAt(0) != '@' || line.indexOf(':') < 0) {
            return null;
        }
        Matcher m = AT_NAME_COLON.matcher(line);
        return m.lookingAt() ? m : null;
    }

    /** The match of a section tag ({@code Returns:}, {@code Since:} …) at the start of {@code line}, or null. */
    private static Matcher tagAt(String line) {
        if (!mayBeTag(line)) {
            return null;
        }
        Matcher m = TAG.matcher(line);
        return m.lookingAt() ? m : null;
    }

    /** A cheap test that rules out most lines before the tag pattern runs. */
    private static boolean mayBeTag(String line) {
        if (line.isEmpty()) {
            return false;
        }
        char c = line.charAt(0);
        return (c == 'R' || c == 'E' || c == 'S' || c == 'N' || c == 'T') && line.indexOf(':') > 0;
    }

    private Token tok() {
        return tokens.get(index);
    }

    /** Moves to the next token of any channel, comments included. */
    private void acceptLine() {
        index++;
        file.failOnLexError(tok());
    }

    /**
     * The current comment line without its "# " prefix and trailing spaces, or {@code null} at
     * the closing "##".
     */
    private String docLine() {
        Token t = tok();
        int type = t.getType();
        if (type != QapiLexer.COMMENT && type != QapiLexer.DOC_COMMENT) {
            throw error(t, "documentation comment must end with '##'");
        }
        String val = t.getText();
        if (val.startsWith("##")) {
            if (!val.equals("##") && !lenient) {
                throw file.syntaxError(t, "junk after '##' at end of documentation comment");
            }
            literalMode = false;
            return null;
        }
        if (val.equals("#")) {
            return "";
        }
        if (val.charAt(1) != ' ' && !lenient) {
            throw file.syntaxError(t, "missing space after #");
        }
        String line = PythonText.rstrip(val.charAt(1) == ' ' ? val.substring(2) : val.substring(1));
        trackLiteralBlock(line);
        if (!literalMode && !lenient) {
            checkLineFormat(t, line);
        }
        return line;
    }

    /** Literal blocks ("::" lines and qmp-example directives) are exempt from the format checks. */
    private void trackLiteralBlock(String line) {
        if (line.endsWith("::") && LITERAL_START.matcher(line).matches()) {
            literalMode = true;
            literalIndent = 0;
        } else if (literalMode && !line.isEmpty()) {
            int indent = PythonText.indent(line);
            if (literalIndent == 0) {
                literalIndent = indent;
            } else if (indent < literalIndent) {
                literalMode = false;
            }
        }
    }

    /**
     * Whether the line has ". X", "! X" or "? X" anywhere: the pattern that tells real sentence
     * breaks from abbreviations only needs to run on such lines.
     */
    private static boolean hasSentenceEndFollowedByCapital(String line) {
        for (int i = 0; i + 2 < line.length(); i++) {
            char c = line.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && line.charAt(i + 1) == ' ') {
                char next = line.charAt(i + 2);
                if ((next >= 'A' && next <= 'Z') || (next >= '0' && next <= '9') || next == '(') {
                    return true;
                }
            }
        }
        return false;
    }

    private void checkLineFormat(Token t, String line) {
        if (line.codePointCount(0, line.length()) + 2 > MAX_LINE
                && !URL_LINE.matcher(line).matches()) {
            throw file.syntaxError(t, "documentation line longer than 70 characters");
        }
        if (!hasSentenceEndFollowedByCapital(line)) {
            return;
        }
        Matcher m = SINGLE_SPACE.matcher(line);
        while (m.find()) {
            if (m.group(2) != null) {
                // Point at the offending space, counted from the start of the source line.
                throw file.syntaxErrorAfterHash(
                        t,
                        m.start(2) + 1,
                        "Use two spaces between sentences\nIf this not the end of a sentence, please report a bug.");
            }
        }
    }
}
