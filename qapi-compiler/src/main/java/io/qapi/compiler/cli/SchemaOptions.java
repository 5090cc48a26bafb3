package io.qapi.compiler.cli;

import io.qapi.compiler.QapiCompiler;
import io.qapi.compiler.diag.Diagnostic;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by the commands that read a schema. */
final class SchemaOptions {
    @Option(names = "--lenient-docs",
            description = "Accept the documentation conventions of QEMU releases 2.8 to 11.0.")
    boolean lenientDocs;

    @Option(names = "--all-errors", description = "Report every independent error, not only the first.")
    boolean allErrors;

    QapiCompiler.Options options() {
        return new QapiCompiler.Options(lenientDocs, allErrors);
    }

    static void printErrors(List<Diagnostic> errors, PrintWriter err) {
        for (Diagnostic d : errors) {
            err.println(d.format());
        }
        err.flush();
    }
}
