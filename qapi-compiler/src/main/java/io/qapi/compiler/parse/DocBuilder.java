package io.qapi.compiler.parse;

import io.qapi.compiler.diag.Diagnostics;
import io.qapi.compiler.source.SourceInfo;
import io.qapi.compiler.vocabulary.DocComment;
import io.qapi.compiler.vocabulary.DocKind;
import io.qapi.compiler.vocabulary.DocSection;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Accumulates one documentation comment while {@link DocReader} reads it line by line. */
final class DocBuilder {
    private static final class Section {
        SourceInfo info;
        final DocKind kind;
        final String name;
        final StringBuilder text = new StringBuilder();

        Section(SourceInfo info, DocKind kind, String name) {
            this.info = info;
            this.kind = kind;
            this.name = name;
        }
    }

    private final Diagnostics diagnostics;
    private final boolean lenient;
    private final SourceInfo info;
    private final String symbol;
    private final List<Section> all = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    private final Map<String, Section> args = new LinkedHashMap<>();
    private final Map<String, Section> features = new LinkedHashMap<>();
    private boolean hasReturns;
    private boolean hasErrors;
    private boolean hasSince;

    DocBuilder(Diagnostics diagnostics, boolean lenient, SourceInfo info, String symbol) {
        this.diagnostics = diagnostics;
        this.lenient = lenient;
        this.info = info;
        this.symbol = symbol;
        all.add(new Section(info, DocKind.PLAIN, null));
    }

    boolean hasFeatures() {
        return !features.isEmpty();
    }

    void appendLine(String line) {
        all.get(all.size() - 1).text.append(line).append('\n');
    }

    /** Continues the current untagged paragraph section, or starts one. */
    void ensureUntaggedSection(SourceInfo where) {
        Section last = all.get(all.size() - 1);
        if (last.kind == DocKind.PLAIN) {
            if (last.text.length() == 0) {
                last.info = where;
            }
            last.text.append('\n');
            return;
        }
        Section section = new Section(where, DocKind.PLAIN, null);
        sections.add(section);
        all.add(section);
    }

    void newTaggedSection(SourceInfo where, DocKind kind) {
        boolean duplicate = switch (kind) {
            case RETURNS -> hasReturns;
            case ERRORS -> hasErrors;
            case SINCE -> hasSince;
            default -> false;
        };
        if (duplicate && !lenient) {
            throw diagnostics.error(where, "duplicated '" + kind.title() + "' section");
        }
        hasReturns |= kind == DocKind.RETURNS;
        hasErrors |= kind == DocKind.ERRORS;
        hasSince |= kind == DocKind.SINCE;
        Section section = new Section(where, kind, null);
        sections.add(section);
        all.add(section);
    }

    void newArgument(SourceInfo where, String name) {
        newDescription(where, name, DocKind.MEMBER, args);
    }

    void newFeature(SourceInfo where, String name) {
        newDescription(where, name, DocKind.FEATURE, features);
    }

    private void newDescription(SourceInfo where, String name, DocKind kind, Map<String, Section> into) {
        if (name.isEmpty()) {
            throw error(where, "invalid parameter name");
        }
        if (into.containsKey(name)) {
            throw error(where, "'" + name + "' parameter name duplicated");
        }
        Section section = new Section(where, kind, name);
        all.add(section);
        into.put(name, section);
    }

    /** An error, or leniently, the signal to keep the comment as plain text. */
    private RuntimeException error(SourceInfo where, String message) {
        if (lenient) {
            return new UnreadableDoc();
        }
        return diagnostics.error(where, message);
    }

    /** Finishes the comment: trims blank lines and insists that tagged sections have text. */
    DocComment build() {
        List<DocSection> allOut = new ArrayList<>(all.size());
        IdentityHashMap<Section, DocSection> done = new IdentityHashMap<>();
        for (Section s : all) {
            String text = stripNewlines(s.text);
            // Older releases allowed a tag or description with no text.
            if (s.kind != DocKind.PLAIN && text.isEmpty() && !lenient) {
                throw diagnostics.error(s.info, "text required after '" + s.kind.title() + ":'");
            }
            DocSection out = new DocSection(s.info, s.kind, s.name, text);
            done.put(s, out);
            allOut.add(out);
        }
        return new DocComment(
                info,
                symbol,
                allOut,
                convert(args, done),
                convert(features, done),
                sections.stream().map(done::get).toList());
    }

    private static Map<String, DocSection> convert(Map<String, Section> in, Map<Section, DocSection> done) {
        Map<String, DocSection> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, done.get(v)));
        return out;
    }

    private static String stripNewlines(CharSequence s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '\n') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '\n') {
            end--;
        }
        return s.subSequence(start, end).toString();
    }
}
