package io.qapi.compiler;

import io.qapi.compiler.diag.Diagnostic;
import io.qapi.compiler.source.SourceLoader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Inline schemas for tests: file name to text, read through an in-memory loader. */
public final class Fixtures {
    private final Map<String, String> files = new LinkedHashMap<>();

    public static Fixtures file(String name, String text) {
        return new Fixtures().and(name, text);
    }

    public Fixtures and(String name, String text) {
        files.put(name, text);
        return this;
    }

    public SourceLoader loader() {
        return path -> {
            String text = files.get(path);
            if (text == null) {
                throw new SourceLoader.SourceException("No such file or directory");
            }
            return text;
        };
    }

    /** Compiles the first file. */
    public QapiCompiler.Result compile() {
        return compile(QapiCompiler.Options.DEFAULT);
    }

    public QapiCompiler.Result compile(QapiCompiler.Options options) {
        return QapiCompiler.compile(files.keySet().iterator().next(), options, loader());
    }

    /** Compiles a file that does not exist. */
    public String compileMissing() {
        return QapiCompiler.compile("nowhere.json", QapiCompiler.Options.DEFAULT, loader()).errors().stream()
                .map(Diagnostic::format)
                .collect(Collectors.joining("\n"));
    }

    /** The errors as QEMU prints them, one per line. */
    public String errors() {
        return errors(QapiCompiler.Options.DEFAULT);
    }

    public String errors(QapiCompiler.Options options) {
        return compile(options).errors().stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
    }
}
