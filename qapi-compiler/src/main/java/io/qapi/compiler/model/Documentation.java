package io.qapi.compiler.model;

import io.qapi.compiler.vocabulary.DocComment;
import io.qapi.compiler.vocabulary.DocSection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A documentation comment connected to what it documents.
 *
 * @param comment the comment as written
 * @param args    member descriptions in textual order, followed by empty descriptions for
 *                members the comment leaves out (allowed by the documentation-exceptions pragma)
 */
public record Documentation(DocComment comment, Map<String, DocSection> args) {
    public Documentation {
        args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    public String symbol() {
        return comment.symbol();
    }

    public Map<String, DocSection> features() {
        return comment.features();
    }

    public List<DocSection> sections() {
        return comment.sections();
    }
}
