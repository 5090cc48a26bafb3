package io.qapi.compiler.parse;

import io.qapi.compiler.diag.Diagnostic;
import io.qapi.compiler.diag.Diagnostics;
import io.qapi.compiler.diag.QapiException;
import io.qapi.compiler.parse.JsonValue.JsonArray;
import io.qapi.compiler.parse.JsonValue.JsonBool;
import io.qapi.compiler.parse.JsonValue.JsonString;
import io.qapi.compiler.source.Paths;
import io.qapi.compiler.source.SourceInfo;
import io.qapi.compiler.source.SourceLoader;
import io.qapi.compiler.source.SourceText;
import io.qapi.compiler.vocabulary.DocComment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The parse stage: reads a root schema file and everything it includes into a
 * {@link ParsedSchema}.
 *
 * <p>Files are parsed concurrently, each on its own ({@link FileSyntax}), starting as soon as
 * an include directive names them. The results are then spliced together in exactly the order
 * QEMU reads them: an included file's content where its first include directive stands, each
 * file once, include cycles and unreadable files reported at the directive, pragmas applied in
 * reading order, and a file's error reported when reading reaches it. So the outcome, first
 * error included, is the same as reading the files one after another.
 */
public final class SchemaReader {
    private final Diagnostics diagnostics;
    private final FilePrefetch files;
    private final boolean lenient;
    private final Set<Path> included = new HashSet<>();
    private final List<TopLevel> items = new ArrayList<>();
    private final List<DocComment> docs = new ArrayList<>();
    private Pragmas pragmas = Pragmas.NONE;

    private SchemaReader(Diagnostics diagnostics, SourceLoader loader, boolean lenient) {
        this.diagnostics = diagnostics;
        this.files = new FilePrefetch(loader, lenient);
        this.lenient = lenient;
    }

    /**
     * Parses {@code rootFile} and its includes. Errors go to {@code diagnostics}; what could be
     * read is returned either way.
     *
     * @param lenient accept the documentation conventions of older QEMU releases
     */
    public static ParsedSchema read(String rootFile, SourceLoader loader, Diagnostics diagnostics, boolean lenient) {
        SchemaReader reader = new SchemaReader(diagnostics, loader, lenient);
        reader.readRoot(rootFile);
        return new ParsedSchema(rootFile, reader.items, reader.docs, reader.pragmas);
    }

    private void readRoot(String rootFile) {
        FilePrefetch.Loaded root = files.get(rootFile);
        if (root.unreadable() != null) {
            diagnostics.report(
                    new Diagnostic(null, 0, "can't read schema file '" + rootFile + "': " + root.unreadable()));
            return;
        }
        included.add(Paths.absolute(rootFile));
        splice(root.syntax(), null);
    }

    /** Replays a file's events, following includes, as QEMU reads it. */
    private void splice(FileSyntax syntax, SourceInfo includedBy) {
        // A comment is listed among the docs and attached to its definition: move it once.
        IdentityHashMap<DocComment, DocComment> moved = new IdentityHashMap<>();
        for (FileSyntax.Event event : syntax.events()) {
            try {
                if (event instanceof FileSyntax.Definition d) {
                    TopLevel.Definition def = d.definition();
                    items.add(new TopLevel.Definition(
                            def.body(),
                            def.info().includedBy(includedBy),
                            def.doc() == null ? null : moved.get(def.doc())));
                } else if (event instanceof FileSyntax.Doc doc) {
                    DocComment comment = doc.doc().includedBy(includedBy);
                    moved.put(doc.doc(), comment);
                    docs.add(comment);
                } else if (event instanceof FileSyntax.Include inc) {
                    include(syntax.file(), inc.name(), inc.info().includedBy(includedBy));
                } else if (event instanceof FileSyntax.Pragma p) {
                    pragma(p.name(), p.value(), p.info().includedBy(includedBy));
                } else {
                    Diagnostic failure = ((FileSyntax.Failure) event).diagnostic();
                    SourceInfo at = failure.info().includedBy(includedBy);
                    diagnostics.report(new Diagnostic(at, failure.column(), failure.message()));
                }
            } catch (QapiException e) {
                // Only in all-errors mode: a bad directive is skipped and reading goes on; a
                // syntax error is the file's last event anyway.
            }
        }
    }

    private void include(String includer, String name, SourceInfo info) {
        String path = Paths.join(Paths.dirname(includer), name);
        items.add(new TopLevel.Include(path, info));
        Path absolute = Paths.absolute(path);
        for (SourceInfo at = info; at != null; at = at.includedBy()) {
            if (absolute.equals(Paths.absolute(at.file()))) {
                throw diagnostics.error(info, "inclusion loop for " + name);
            }
        }
        if (!included.add(absolute)) {
            return;
        }
        FilePrefetch.Loaded loaded = files.get(path);
        if (loaded.unreadable() != null) {
            throw diagnostics.error(info, "can't read include file '" + path + "': " + loaded.unreadable());
        }
        splice(loaded.syntax(), info);
    }

    private void pragma(String pragmaName, JsonValue value, SourceInfo info) {
        String name = lenient ? LegacyPragmas.currentName(pragmaName) : pragmaName;
        switch (name) {
            case "doc-required" -> {
                if (!(value instanceof JsonBool flag)) {
                    throw diagnostics.error(info, "pragma 'doc-required' must be boolean");
                }
                pragmas = pragmas.withDocRequired(flag.value());
            }
            case "command-name-exceptions",
                    "command-returns-exceptions",
                    "documentation-exceptions",
                    "member-name-exceptions" -> pragmas = pragmas.withList(name, stringList(pragmaName, value, info));
            default -> throw diagnostics.error(info, "unknown pragma '" + pragmaName + "'");
        }
    }

    private List<String> stringList(String name, JsonValue value, SourceInfo info) {
        if (value instanceof JsonArray array && array.elements().stream().allMatch(e -> e instanceof JsonString)) {
            return array.elements().stream().map(e -> ((JsonString) e).value()).toList();
        }
        throw diagnostics.error(info, "pragma " + name + " must be a list of strings");
    }

    /** Parses a file's text; used by {@link FilePrefetch}. */
    static FileSyntax parse(String file, String raw, boolean lenient) {
        return FileParser.parse(file, SourceText.of(raw), lenient);
    }
}
