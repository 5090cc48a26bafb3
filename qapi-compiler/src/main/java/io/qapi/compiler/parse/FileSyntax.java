package io.qapi.compiler.parse;

import io.qapi.compiler.diag.Diagnostic;
import io.qapi.compiler.source.SourceInfo;
import io.qapi.compiler.vocabulary.DocComment;
import java.util.List;

/**
 * One file as read on its own: what it says in order, ending at its first error if it has one.
 * Locations in it carry no include chain yet; {@link SchemaReader} adds the chain when it
 * splices the file in where QEMU would read it. Reading files on their own lets a schema's
 * files be parsed concurrently.
 *
 * @param file the path as opened
 */
record FileSyntax(String file, List<Event> events) {

    /** Something the file says, in the order it says it. */
    sealed interface Event {}

    record Definition(TopLevel.Definition definition) implements Event {}

    record Doc(DocComment doc) implements Event {}

    /** An include directive, with the name as written. */
    record Include(String name, SourceInfo info) implements Event {}

    record Pragma(String name, JsonValue value, SourceInfo info) implements Event {}

    /** The error that stopped reading the file. */
    record Failure(Diagnostic diagnostic) implements Event {}
}
