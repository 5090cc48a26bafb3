package io.qapi.compiler.cli;

import io.qapi.compiler.QapiCompiler;
import io.qapi.compiler.diag.Diagnostic;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by the commands that read a schema. */
final class SchemaOptions {
    /** After the errors of a schema that {@code --lenient-docs} accepts. */
    static final String LENIENT_DOCS_NOTE =
            "qapic: note: --lenient-docs accepts this (the documentation conventions of QEMU releases 2.8 to 11.0)";

    @Option(names = "--lenient-docs",
            description = "Accept the documentation conventions of QEMU releases 2.8 to 11.0.")
    boolean lenientDocs;

    @Option(names = "--all-errors", description = "Report every independent error, not only the first.")
    boolean allErrors;

    QapiCompiler.Options options() {
        return new QapiCompiler.Options(lenientDocs, allErrors);
    }

    /**
     * Prints a schema's errors, then, when {@code --lenient-docs} would accept what was reported,
     * a note saying so: an old QEMU schema fails on a rule its release did not have. The errors
     * themselves stay as QEMU prints them.
     */
    static void printErrors(String schema, QapiCompiler.Options options, QapiCompiler.Result result,
            PrintWriter err) {
        printErrors(result.errors(), QapiCompiler.lenientDocsAccepts(schema, options, result), err);
    }

    /** Prints errors, then the note when {@code lenientDocsAccepts} them. */
    static void printErrors(List<Diagnostic> errors, boolean lenientDocsAccepts, PrintWriter err) {
        for (Diagnostic d : errors) {
            err.println(d.format());
        }
        if (lenientDocsAccepts) {
            err.println(LENIENT_DOCS_NOTE);
        }
        err.flush();
    }
}
