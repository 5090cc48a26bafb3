package io.qapi.compiler.vocabulary;

import io.qapi.compiler.source.SourceInfo;

/**
 * One section of a documentation comment.
 *
 * @param info where the section starts
 * @param kind its kind
 * @param name the member or feature described, for {@link DocKind#MEMBER} and {@link DocKind#FEATURE}
 * @param text the text without the tag, blank lines at either end removed
 */
public record DocSection(SourceInfo info, DocKind kind, String name, String text) {}
