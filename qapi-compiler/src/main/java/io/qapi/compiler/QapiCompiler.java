package io.qapi.compiler;

import io.qapi.compiler.check.ExprChecker;
import io.qapi.compiler.diag.Diagnostic;
import io.qapi.compiler.diag.Diagnostics;
import io.qapi.compiler.link.SchemaBuilder;
import io.qapi.compiler.model.Schema;
import io.qapi.compiler.parse.ParsedSchema;
import io.qapi.compiler.parse.SchemaReader;
import io.qapi.compiler.source.SourceLoader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a QAPI schema the way QEMU does. The pipeline, one package per stage:
 * <ol>
 *   <li>{@code source}: files, positions and include chains;</li>
 *   <li>{@code parse}: the ANTLR grammar, documentation comments, includes and pragmas, giving
 *       the expressions exactly as written;</li>
 *   <li>{@code check}: the context-free rules of each definition, giving declarations with the
 *       shorthand expanded;</li>
 *   <li>{@code model}: entities defined, resolved and checked in QEMU's order, documentation
 *       connected, giving the immutable {@link Schema};</li>
 *   <li>{@code dump} and the generators ({@code gen}, then {@code write}): output from the
 *       model; {@link Pipeline} is the one way from a schema to written Java sources.</li>
 * </ol>
 * Errors are collected in {@link Diagnostics}. By default the run stops at the first error and
 * reports exactly what QEMU reports; with {@link Options#allErrors()} it goes on and reports
 * every error that does not follow from an earlier one.
 */
public final class QapiCompiler {
    private QapiCompiler() {}

    /**
     * How a schema is read.
     *
     * @param lenientDocs accept older releases' documentation conventions (QEMU 2.8 to 11.0)
     * @param allErrors   report every independent error instead of the first one
     */
    public record Options(boolean lenientDocs, boolean allErrors) {
        public static final Options DEFAULT = new Options(false, false);
    }

    /** The model when the schema is valid, otherwise the errors. */
    public record Result(Schema schema, List<Diagnostic> errors) {
        public boolean ok() {
            return schema != null && errors.isEmpty();
        }
    }

    public static Result compile(String rootFile, Options options) {
        return compile(rootFile, options, SourceLoader.FILES);
    }

    /**
     * Whether {@link Options#lenientDocs()} accepts what a strict run rejected: some error of
     * {@code strict} is not reported when the schema is read leniently, so it is a rule that
     * QEMU releases before 11.0 did not have (a documentation convention, a pragma's name). An old
     * schema fails on such a rule, and the message alone does not say that the option exists.
     * Reads the schema again, leniently, when the strict run failed; false after a lenient run.
     */
    public static boolean lenientDocsAccepts(String rootFile, Options options, Result strict) {
        return lenientDocsAccepts(rootFile, options, strict, SourceLoader.FILES);
    }

    /** {@link #lenientDocsAccepts(String, Options, Result)}, reading through {@code loader}. */
    public static boolean lenientDocsAccepts(String rootFile, Options options, Result strict, SourceLoader loader) {
        if (options.lenientDocs() || strict.errors().isEmpty()) {
            return false;
        }
        Set<String> lenientErrors = new HashSet<>();
        compile(rootFile, new Options(true, true), loader).errors().forEach(d -> lenientErrors.add(d.format()));
        return strict.errors().stream().anyMatch(d -> !lenientErrors.contains(d.format()));
    }

    public static Result compile(String rootFile, Options options, SourceLoader loader) {
        Diagnostics diagnostics = new Diagnostics(options.allErrors());
        Schema schema = null;
        try {
            ParsedSchema parsed = SchemaReader.read(rootFile, loader, diagnostics, options.lenientDocs());
            if (!diagnostics.hasErrors() || options.allErrors()) {
                ExprChecker.Result checked = ExprChecker.check(parsed, diagnostics, options.lenientDocs());
                schema = SchemaBuilder.build(
                        parsed, checked.decls(), checked.abandoned(), diagnostics, options.lenientDocs());
            }
        } catch (Diagnostics.StopRun stop) {
            // First-error mode: the error is in the collector.
        }
        return new Result(diagnostics.hasErrors() ? null : schema, diagnostics.errors());
    }
}
