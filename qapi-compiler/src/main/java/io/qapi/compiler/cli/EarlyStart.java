package io.qapi.compiler.cli;

import io.qapi.compiler.QapiCompiler;
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

    static void begin(String[] args) {
        if (args.length < 2 || !(args[0].equals("check") || args[0].equals("dump-ir"))) {
            return;
        }
        boolean lenient = false;
        boolean allErrors = false;
        List<String> schemas = new java.util.ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--lenient-docs" -> lenient = true;
                case "--all-errors" -> allErrors = true;
                default -> {
                    if (args[i].startsWith("-")) {
                        return;
                    }
                    schemas.add(args[i]);
                }
            }
        }
        QapiCompiler.Options options = new QapiCompiler.Options(lenient, allErrors);
        for (String schema : schemas) {
            STARTED.computeIfAbsent(key(schema, options),
                    k -> CompletableFuture.supplyAsync(() -> QapiCompiler.compile(schema, options)));
        }
    }

    static QapiCompiler.Result result(String schema, QapiCompiler.Options options) {
        CompletableFuture<QapiCompiler.Result> started = STARTED.remove(key(schema, options));
        return started != null ? started.join() : QapiCompiler.compile(schema, options);
    }

    private static String key(String schema, QapiCompiler.Options options) {
        return options.lenientDocs() + "," + options.allErrors() + "," + schema;
    }
}
