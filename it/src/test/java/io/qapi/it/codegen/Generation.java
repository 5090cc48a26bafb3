package io.qapi.it.codegen;

import static org.junit.jupiter.api.Assertions.fail;

import com.palantir.javapoet.JavaFile;
import io.qapi.compiler.QapiCompiler;
import io.qapi.compiler.diag.Diagnostic;
import io.qapi.compiler.diag.Diagnostics;
import io.qapi.compiler.gen.Defines;
import io.qapi.compiler.gen.GenOptions;
import io.qapi.compiler.gen.GenOptions.Target;
import io.qapi.compiler.gen.JavaGenerator;
import io.qapi.compiler.source.SourceLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the front end and the Java generator on a schema, from files or from inline text, the
 * way {@code qapic generate} does. A schema that does not generate fails the test with the
 * diagnostics.
 *
 * @param basePackage the {@code --package}
 * @param defines     the configuration generated for
 * @param targets     the {@code --targets}; empty for all
 * @param lenientDocs {@code --lenient-docs}
 */
record Generation(String basePackage, Defines defines, Set<Target> targets, boolean lenientDocs) {

    Generation {
        targets = targets.isEmpty() ? EnumSet.noneOf(Target.class) : EnumSet.copyOf(targets);
    }

    /** Everything, without -D, into {@code basePackage}. */
    static Generation of(String basePackage) {
        return new Generation(basePackage, Defines.EVERYTHING, Set.of(), false);
    }

    Generation withLenientDocs() {
        return new Generation(basePackage, defines, targets, true);
    }

    /**
     * Options written as on qapic's command line: {@code --package PKG}, {@code -D SYM},
     * {@code --targets a,b}, {@code --lenient-docs}.
     */
    static Generation parse(List<String> args, String defaultPackage) {
        String pkg = defaultPackage;
        Set<String> defines = new LinkedHashSet<>();
        List<String> targets = new ArrayList<>();
        boolean lenient = false;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--package" -> pkg = args.get(++i);
                case "-D" -> defines.add(args.get(++i));
                case "--targets" -> targets.addAll(List.of(args.get(++i).split(",")));
                case "--lenient-docs" -> lenient = true;
                default -> throw new IllegalArgumentException("unknown option " + args.get(i));
            }
        }
        return new Generation(pkg, Defines.of(defines), Target.parse(targets), lenient);
    }

    /** Generates from a schema file and the files it includes. */
    List<JavaFile> generate(Path schema) {
        return generate(schema.toString(), SourceLoader.FILES);
    }

    /** Generates from inline text, as the file {@code schema.json}. */
    List<JavaFile> generate(String schemaText) {
        return generate(Map.of("schema.json", schemaText), "schema.json");
    }

    /** Generates from inline files (for includes), starting at {@code root}. */
    List<JavaFile> generate(Map<String, String> files, String root) {
        Map<String, String> copy = new LinkedHashMap<>(files);
        return generate(root, path -> {
            String text = copy.get(path);
            if (text == null) {
                throw new SourceLoader.SourceException("No such file or directory");
            }
            return text;
        });
    }

    private List<JavaFile> generate(String root, SourceLoader loader) {
        Output output = run(root, loader);
        if (!output.errors().isEmpty()) {
            fail("the generator rejected " + root + ":\n" + output.errors());
        }
        return output.files();
    }

    /** What the generator made of a valid schema: files, or its errors (Java name collisions). */
    record Output(List<JavaFile> files, String errors) {}

    /** Generates from inline text, reporting the generator's errors instead of failing. */
    Output tryGenerate(String schemaText) {
        return run("schema.json", path -> {
            if (!path.equals("schema.json")) {
                throw new SourceLoader.SourceException("No such file or directory");
            }
            return schemaText;
        });
    }

    private Output run(String root, SourceLoader loader) {
        QapiCompiler.Result result = QapiCompiler.compile(root, new QapiCompiler.Options(lenientDocs, false), loader);
        if (!result.ok()) {
            fail("the schema " + root + " is invalid:\n" + format(result.errors()));
        }
        Diagnostics diagnostics = new Diagnostics(true);
        List<JavaFile> files =
                JavaGenerator.generate(result.schema(), new GenOptions(basePackage, defines, targets), diagnostics);
        return new Output(new ArrayList<>(files), format(diagnostics.errors()));
    }

    private static String format(List<Diagnostic> errors) {
        return errors.stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
    }

    /** Where a generated file goes below the output directory, with '/' separators. */
    static String relativePath(JavaFile file) {
        return file.packageName().replace('.', '/') + "/" + file.typeSpec().name() + ".java";
    }
}
