package io.qapi.it.codegen;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.JavaFile;
import io.qapi.runtime.api.QmpError;
import java.io.File;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * javac, in memory, against exactly what generated code may use: the runtime and Jackson.
 * The class path is given explicitly, so that the test JVM's own class path (surefire's, with
 * JUnit and the compiler) cannot make generated code compile that a user's build would reject.
 */
final class Javac {
    /** What every generated set must pass: Java 17, every lint, warnings as errors. */
    static final List<String> STRICT = List.of("--release", "17", "-Xlint:all", "-Werror");

    /** For generated code compiled together with test sources: errors fail, warnings are shown. */
    static final List<String> LINT = List.of("--release", "17", "-Xlint:all");

    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^package\\s+([\\w.]+);.*?^public\\s+(?:final\\s+)?(?:class|interface|record|enum)\\s+(\\w+)",
            Pattern.MULTILINE | Pattern.DOTALL);

    private Javac() {}

    static Compilation compile(List<JavaFileObject> sources, List<String> options) {
        return Compiler.javac()
                .withOptions(options)
                .withClasspath(runtimeClasspath())
                .compile(sources);
    }

    static List<JavaFileObject> sources(List<JavaFile> files) {
        return files.stream().map(JavaFile::toJavaFileObject).collect(Collectors.toCollection(ArrayList::new));
    }

    /** A test source given as text; its name comes from its package and public type. */
    static JavaFileObject source(String text) {
        Matcher m = PUBLIC_TYPE.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("a test source needs a package and a public type:\n" + text);
        }
        return JavaFileObjects.forSourceString(m.group(1) + "." + m.group(2), text);
    }

    /** The errors and warnings of a compilation, one per line, or "" when there are none. */
    static String problems(Compilation compilation) {
        return compilation.diagnostics().stream()
                .filter(d -> d.getKind() != Diagnostic.Kind.NOTE && d.getKind() != Diagnostic.Kind.OTHER)
                .map(Javac::format)
                .collect(Collectors.joining("\n"));
    }

    /** Fails unless the sources compiled with no error and no warning. */
    static Compilation compileCleanly(List<JavaFileObject> sources) {
        Compilation compilation = compile(sources, STRICT);
        String problems = problems(compilation);
        if (compilation.status() != Compilation.Status.SUCCESS || !problems.isEmpty()) {
            fail(sources.size() + " files did not compile cleanly with " + STRICT + ":\n" + problems);
        }
        return compilation;
    }

    /**
     * Fails unless the sources, made into a named module that requires {@code io.qapi.runtime},
     * compile with no error and no warning against the runtime and Jackson on the module path.
     */
    static Compilation compileCleanlyAsModule(List<JavaFileObject> sources, String moduleName) {
        List<JavaFileObject> withDescriptor = new ArrayList<>(sources);
        withDescriptor.add(JavaFileObjects.forSourceString(
                "module-info",
                "module " + moduleName + " {\n    requires io.qapi.runtime;\n"
                        + "    requires static java.compiler;\n}\n"));
        List<String> options = new ArrayList<>(STRICT);
        options.add("--module-path");
        options.add(runtimeClasspath().stream().map(File::getPath).collect(Collectors.joining(File.pathSeparator)));
        Compilation compilation = Compiler.javac().withOptions(options).compile(withDescriptor);
        String problems = problems(compilation);
        if (compilation.status() != Compilation.Status.SUCCESS || !problems.isEmpty()) {
            fail(sources.size() + " files did not compile cleanly as module " + moduleName + ":\n" + problems);
        }
        return compilation;
    }

    private static String format(Diagnostic<? extends JavaFileObject> d) {
        String where = d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ";
        return where + d.getKind().toString().toLowerCase(Locale.ROOT) + ": " + d.getMessage(null);
    }

    private static List<File> runtimeClasspath() {
        List<File> path = new ArrayList<>();
        for (Class<?> c : List.of(QmpError.class, JsonNode.class, JsonParser.class, JsonProperty.class)) {
            try {
                path.add(new File(
                        c.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return path;
    }
}
