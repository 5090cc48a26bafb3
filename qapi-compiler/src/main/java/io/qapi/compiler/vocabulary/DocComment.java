package io.qapi.compiler.vocabulary;

import io.qapi.compiler.source.SourceInfo;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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
        args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
        features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
        sections = List.copyOf(sections);
    }

    /** The same comment in a file read through the include directive at {@code parent}. */
    public DocComment includedBy(SourceInfo parent) {
        if (parent == null) {
            return this;
        }
        IdentityHashMap<DocSection, DocSection> moved = new IdentityHashMap<>();
        Function<DocSection, DocSection> move = s -> moved.computeIfAbsent(
                s, k -> new DocSection(k.info().includedBy(parent), k.kind(), k.name(), k.text()));
        Map<String, DocSection> movedArgs = new LinkedHashMap<>();
        args.forEach((k, v) -> movedArgs.put(k, move.apply(v)));
        Map<String, DocSection> movedFeatures = new LinkedHashMap<>();
        features.forEach((k, v) -> movedFeatures.put(k, move.apply(v)));
        return new DocComment(
                info.includedBy(parent),
                symbol,
                allSections.stream().map(move).toList(),
                movedArgs,
                movedFeatures,
                sections.stream().map(move).toList());
    }

    public DocSection body() {
        return allSections.get(0);
    }

    public Optional<DocSection> section(DocKind kind) {
        return sections.stream().filter(s -> s.kind() == kind).findFirst();
    }
}
