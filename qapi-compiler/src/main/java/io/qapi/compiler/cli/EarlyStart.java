package io.qapi.compiler.cli;

import io.qapi.compiler.QapiCompiler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts reading the schemas a command line names before the command-line parser has even
 * started, so that the two overlap on a multi-core machine: for a one-shot process, setting up
 * the command line costs about as much as a large schema.
 *
 * <p>Only an unambiguous command line (the {@code check} or {@code dump-ir} command followed by
 * schema paths and the two schema flags) is recognised; anything else simply is not started
 * early. The commands ask for a schema with {@link #result}, which waits for the early read when
 * it exists for that path and those options, and reads it now otherwise.
 */
final class EarlyStart {
    private static final Map<String, CompletableFuture<QapiCompiler.Result>> STARTED = new ConcurrentHashMap<>();

    private EarlyStart() {
    }

    /** What {@link #begin} understood of a command line, or null. */
    record Plan(String command, List<String> schemas, QapiCompiler.Options options) {
    }

    static Plan begin(String[] args) {
        if (args.length < 2 || !(args[0].equals("check") || args[0].equals("dump-ir"))) {
            return null;
        }
        boolean lenient = false;
        boolean allErrors = false;
        List<String> schemas = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--lenient-docs" -> lenient = true;
                case "--all-errors" -> allErrors = true;
                default -> {
                    // Options, "--" and picocli's @argument-files are left to picocli.
                    if (args[i].startsWith("-") || args[i].startsWith("@")) {
                        return null;
                    }
                    schemas.add(args[i]);
                }
            }
        }
        if (args[0].equals("dump-ir") && schemas.size() != 1) {
            return null;
        }
        QapiCompiler.Options options = new QapiCompiler.Options(lenient, allErrors);
        for (String schema : schemas) {
            STARTED.computeIfAbsent(key(schema, options),
                    k -> CompletableFuture.supplyAsync(() -> QapiCompiler.compile(schema, options)));
        }
        return new Plan(args[0], schemas, options);
    }

    static QapiCompiler.Result result(String schema, QapiCompiler.Options options) {
        CompletableFuture<QapiCompiler.Result> started = STARTED.remove(key(schema, options));
        return started != null ? started.join() : QapiCompiler.compile(schema, options);
    }

    private static String key(String schema, QapiCompiler.Options options) {
        return options.lenientDocs() + "," + options.allErrors() + "," + schema;
    }
}
