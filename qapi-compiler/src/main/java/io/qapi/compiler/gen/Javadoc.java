package io.qapi.compiler.gen;

import com.palantir.javapoet.CodeBlock;
import io.qapi.compiler.vocabulary.DocComment;
import io.qapi.compiler.vocabulary.DocKind;
import io.qapi.compiler.vocabulary.DocSection;
import io.qapi.compiler.vocabulary.IfCond;
import java.util.Map;

/**
 * Turns the schema's documentation comments into Javadoc: the body, then tagged sections
 * (Since, Returns, Errors, …), member descriptions as {@code @param}s where that fits. The text
 * is escaped for HTML and Javadoc; QAPI's {@code @name} references become code.
 */
public final class Javadoc {
    private Javadoc() {}

    /** Escapes documentation text for Javadoc and marks up {@code @member} references. */
    public static String text(String raw) {
        String s = raw.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("*/", "*&#47;")
                .replace("\\", "&#92;");
        // A reference is a name, with dotted parts; a full stop after it ends the sentence.
        s = s.replaceAll("@([A-Za-z_][A-Za-z0-9_-]*(?:\\.[A-Za-z0-9_-]+)*)", "\u0000$1\u0001");
        return s.replace("@", "&#64;").replace("\u0000", "{@code ").replace("\u0001", "}");
    }

    private static String paragraphs(String raw) {
        return DocMarkup.html(raw);
    }

    /** Javadoc for a definition: body and tagged sections, without member descriptions. */
    public static CodeBlock forDefinition(DocComment doc, IfCond cond) {
        CodeBlock.Builder b = CodeBlock.builder();
        if (doc != null) {
            String body = doc.body().text();
            if (!body.isEmpty()) {
                b.add("$L\n", paragraphs(body));
            }
            for (DocSection s : doc.sections()) {
                if (s.text().isEmpty()) {
                    continue;
                }
                if (s.kind() == DocKind.PLAIN) {
                    b.add("<p>\n$L\n", paragraphs(s.text()));
                } else {
                    String html = paragraphs(s.text());
                    // a list or an example starts on its own line, under its title
                    b.add(
                            html.startsWith("<") ? "<p>\n<b>$L:</b>\n$L\n" : "<p>\n<b>$L:</b> $L\n",
                            s.kind().title(),
                            html);
                }
            }
            if (!doc.features().isEmpty()) {
                b.add("<p>\n<b>Features:</b>\n<ul>\n");
                doc.features().forEach((name, s) -> b.add("<li>{@code $L}: $L</li>\n", name, DocMarkup.html(s.text())));
                b.add("</ul>\n");
            }
        }
        if (cond.isPresent()) {
            b.add("<p>\nPresent only when {@code $L}.\n", text(cond.display()));
        }
        return b.build();
    }

    /** The description of one member, or null. */
    public static String member(DocComment doc, String name) {
        if (doc == null) {
            return null;
        }
        DocSection s = doc.args().get(name);
        return s == null || s.text().isEmpty() ? null : DocMarkup.html(s.text());
    }

    /** {@code @param} lines for the members a comment describes. */
    public static CodeBlock params(DocComment doc, Map<String, String> javaNamesByMember) {
        CodeBlock.Builder b = CodeBlock.builder();
        javaNamesByMember.forEach((member, javaName) -> {
            String text = member(doc, member);
            if (text != null) {
                b.add("@param $L $L\n", javaName, text);
            }
        });
        return b.build();
    }
}
