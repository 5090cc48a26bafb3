package io.qapi.compiler;

import io.qapi.compiler.diag.Diagnostic;
import io.qapi.compiler.diag.Diagnostics;
import io.qapi.compiler.gen.GenOptions;
import io.qapi.compiler.gen.JavaGenerator;
import io.qapi.compiler.gen.PlannedFile;
import io.qapi.compiler.model.Schema;
import io.qapi.compiler.write.GeneratedSources;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The one way from a schema to Java sources, for {@code qapic generate} and the Maven plugin
 * alike: read the schema ({@link QapiCompiler#compile}), plan the files ({@code gen}), write
 * what changed ({@code write}). Its callers only translate their options into a {@link Request}
 * and its diagnostics into their output.
 *
 * <p>It is a class of its own, apart from {@link QapiCompiler}, so that reading a schema
 * ({@code qapic check}) never loads the generator.
 */
public final class Pipeline {
    private Pipeline() {}

    /**
     * One root schema to generate from.
     *
     * @param schema   the root schema file, as messages name it
     * @param options  how to read it
     * @param generate what to generate from it
     */
    public record Request(String schema, QapiCompiler.Options options, GenOptions generate) {
        public Request {
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(generate, "generate");
        }
    }

    /**
     * What a root schema gives: its model and files, or the errors of reading it or of
     * planning its files (Java names that collide).
     *
     * @param schema             the model, or {@code null} when the schema is invalid
     * @param files              the files to write; none when there are errors
     * @param errors             the errors, in the order found
     * @param lenientDocsAccepts whether {@link QapiCompiler.Options#lenientDocs()} accepts the
     *                           schema's errors ({@link QapiCompiler#lenientDocsAccepts}), which
     *                           their messages alone do not say
     */
    public record Plan(Schema schema, List<PlannedFile> files, List<Diagnostic> errors, boolean lenientDocsAccepts) {
        public Plan {
            files = List.copyOf(files);
            errors = List.copyOf(errors);
        }

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** Reads the schema and plans its files, without writing anything. */
    public static Plan plan(Request request) {
        QapiCompiler.Result result = QapiCompiler.compile(request.schema(), request.options());
        if (!result.ok()) {
            return new Plan(
                    null,
                    List.of(),
                    result.errors(),
                    QapiCompiler.lenientDocsAccepts(request.schema(), request.options(), result));
        }
        Diagnostics diagnostics = new Diagnostics(request.options().allErrors());
        List<PlannedFile> files = JavaGenerator.plan(result.schema(), request.generate(), diagnostics);
        return new Plan(result.schema(), files, diagnostics.errors(), false);
    }

    /** Reads the schema, plans its files and, when there are no errors, writes them into {@code output}. */
    public static Plan generate(Request request, Path output) throws IOException {
        Plan plan = plan(request);
        if (plan.ok()) {
            write(output, plan.files());
        }
        return plan;
    }

    /**
     * Writes planned files into {@code output}: the files that changed, deleting what an earlier
     * write left there and these files do not include. Several root schemas generated into one
     * directory are written together, their files in one list.
     */
    public static GeneratedSources.Report write(Path output, List<PlannedFile> files) throws IOException {
        return GeneratedSources.write(output, files);
    }
}
