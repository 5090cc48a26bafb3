package io.qapi.compiler.parse;

import io.qapi.compiler.source.SourceInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A documentation comment block as written.
 *
 * @param info        the line of the opening {@code ##}
 * @param symbol      the documented definition, or {@code null} for free-form documentation
 * @param allSections every section in textual order, the body first
 * @param args        member descriptions by name, in textual order
 * @param features    feature descriptions by name, in textual order
 * @param sections    the sections that are neither the body nor descriptions, in textual order
 */
public record DocComment(
        SourceInfo info,
        String symbol,
        List<DocSection> allSections,
        Map<String, DocSection> args,
        Map<String, DocSection> features,
        List<DocSection> sections) {

    public DocComment {
        allSections = List.copyOf(allSections);
        args = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(args));
        features = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(features));
        sections = List.copyOf(sections);
    }

    public DocSection body() {
        return allSections.get(0);
    }

    public Optional<DocSection> section(DocKind kind) {
        return sections.stream().filter(s -> s.kind() == kind).findFirst();
    }
}
