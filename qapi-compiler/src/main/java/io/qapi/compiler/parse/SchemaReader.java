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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The parse stage: reads a root schema file and everything it includes into a
 * {@link ParsedSchema}. Each file is read once; an include cycle is an error.
 */
public final class SchemaReader {
    private final Diagnostics diagnostics;
    private final SourceLoader loader;
    private final boolean lenient;
    private final Set<Path> included = new HashSet<>();
    private final List<TopLevel> items = new ArrayList<>();
    private final List<DocComment> docs = new ArrayList<>();
    private Pragmas pragmas = Pragmas.NONE;

    private SchemaReader(Diagnostics diagnostics, SourceLoader loader, boolean lenient) {
        this.diagnostics = diagnostics;
        this.loader = loader;
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
        String raw;
        try {
            raw = loader.read(rootFile);
        } catch (SourceLoader.SourceException e) {
            diagnostics.report(new Diagnostic(null, 0,
                    "can't read schema file '" + rootFile + "': " + e.getMessage()));
            return;
        }
        included.add(Paths.absolute(rootFile));
        parseFile(rootFile, raw, null);
    }

    private void parseFile(String file, String raw, SourceInfo includedBy) {
        try {
            new FileParser(file, SourceText.of(raw), includedBy, this).parse();
        } catch (QapiException e) {
            // Only in all-errors mode: the rest of this file is lost, the includer goes on.
        }
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    boolean lenient() {
        return lenient;
    }

    void addItem(TopLevel item) {
        items.add(item);
    }

    void addDoc(DocComment doc) {
        docs.add(doc);
    }

    void include(String includer, String name, SourceInfo info) {
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
        String raw;
        try {
            raw = loader.read(path);
        } catch (SourceLoader.SourceException e) {
            throw diagnostics.error(info, "can't read include file '" + path + "': " + e.getMessage());
        }
        parseFile(path, raw, info);
    }

    void pragma(String name, JsonValue value, SourceInfo info) {
        switch (name) {
            case "doc-required" -> {
                if (!(value instanceof JsonBool flag)) {
                    throw diagnostics.error(info, "pragma 'doc-required' must be boolean");
                }
                pragmas = pragmas.withDocRequired(flag.value());
            }
            case "command-name-exceptions", "command-returns-exceptions", "documentation-exceptions",
                 "member-name-exceptions" -> pragmas = pragmas.withList(name, stringList(name, value, info));
            default -> throw diagnostics.error(info, "unknown pragma '" + name + "'");
        }
    }

    private List<String> stringList(String name, JsonValue value, SourceInfo info) {
        if (value instanceof JsonArray array && array.elements().stream().allMatch(e -> e instanceof JsonString)) {
            return array.elements().stream().map(e -> ((JsonString) e).value()).toList();
        }
        throw diagnostics.error(info, "pragma " + name + " must be a list of strings");
    }
}
