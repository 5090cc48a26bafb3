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

    /** The same comment in a file read through the include directive at {@code parent}. */
    DocComment includedBy(SourceInfo parent) {
        if (parent == null) {
            return this;
        }
        java.util.Map<DocSection, DocSection> moved = new java.util.IdentityHashMap<>();
        java.util.function.Function<DocSection, DocSection> move = s -> moved.computeIfAbsent(s,
                k -> new DocSection(k.info().includedBy(parent), k.kind(), k.name(), k.text()));
        java.util.Map<String, DocSection> movedArgs = new java.util.LinkedHashMap<>();
        args.forEach((k, v) -> movedArgs.put(k, move.apply(v)));
        java.util.Map<String, DocSection> movedFeatures = new java.util.LinkedHashMap<>();
        features.forEach((k, v) -> movedFeatures.put(k, move.apply(v)));
        return new DocComment(info.includedBy(parent), symbol, allSections.stream().map(move).toList(),
                movedArgs, movedFeatures, sections.stream().map(move).toList());
    }

    public DocSection body() {
        return allSections.get(0);
    }

    public Optional<DocSection> section(DocKind kind) {
        return sections.stream().filter(s -> s.kind() == kind).findFirst();
    }
}
