package io.qapi.compiler.parse;

import io.qapi.compiler.parse.JsonValue.JsonObject;
import io.qapi.compiler.source.SourceInfo;
import io.qapi.compiler.vocabulary.DocComment;

/** An item of a parsed schema in source order, includes spliced in where they were written. */
public sealed interface TopLevel {
    SourceInfo info();

    /** A definition expression, with the documentation comment written right before it. */
    record Definition(JsonObject body, SourceInfo info, DocComment doc) implements TopLevel {}

    /** An include directive; {@code path} is joined to the including file's directory. */
    record Include(String path, SourceInfo info) implements TopLevel {}
}
