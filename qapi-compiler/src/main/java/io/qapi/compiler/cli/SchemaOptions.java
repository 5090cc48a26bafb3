package io.qapi.compiler.cli;

import io.qapi.compiler.QapiCompiler;
import io.qapi.compiler.diag.Diagnostic;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** Options shared by the commands that read a schema. */
final class SchemaOptions {
    /** After the errors of a schema that {@code --lenient-docs} accepts. */
    static final String LENIENT_DOCS_NOTE =
            "qapic: note: --lenient-docs accepts this (the documentation conventions of QEMU releases 2.8 to 11.0)";

    static final String LENIENT_DOCS = "--lenient-docs";
    static final String LENIENT_DOCS_DESCRIPTION = "Accept the documentation conventions of QEMU releases 2.8 to 11.0.";
    private static final String ALL_ERRORS = "--all-errors";

    private SchemaOptions() {}

    /** Adds {@code --lenient-docs} and {@code --all-errors} to a command. */
    static void addTo(CommandSpec spec) {
        spec.addOption(CommandSpecs.flag(LENIENT_DOCS, LENIENT_DOCS_DESCRIPTION));
        spec.addOption(CommandSpecs.flag(ALL_ERRORS, "Report every independent error, not only the first."));
    }

    /** The options a command line gave. */
    static QapiCompiler.Options of(ParseResult parsed) {
        return new QapiCompiler.Options(parsed.hasMatchedOption(LENIENT_DOCS), parsed.hasMatchedOption(ALL_ERRORS));
    }

    /**
     * Prints a schema's errors, then, when {@code --lenient-docs} would accept what was reported,
     * a note saying so: an old QEMU schema fails on a rule its release did not have. The errors
     * themselves stay as QEMU prints them.
     */
    static void printErrors(String schema, QapiCompiler.Options options, QapiCompiler.Result result, PrintWriter err) {
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
