package io.qapi.compiler.parse;

import io.qapi.compiler.vocabulary.DocComment;
import java.util.List;

/**
 * What the parse stage produces: every top-level item in source order with includes expanded,
 * every documentation comment in reading order, and the schema's pragmas.
 *
 * @param rootFile the root file as given
 */
public record ParsedSchema(String rootFile, List<TopLevel> items, List<DocComment> docs, Pragmas pragmas) {
    public ParsedSchema {
        items = List.copyOf(items);
        docs = List.copyOf(docs);
    }
}
