package io.qapi.compiler.parse;

import io.qapi.compiler.source.Paths;
import io.qapi.compiler.source.SourceLoader;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Reads and parses schema files in the background, each as soon as some include directive names
 * it, so that a schema's files are parsed concurrently. Files are keyed by the path as written,
 * because QEMU prints locations with that path.
 */
final class FilePrefetch {
    /**
     * Daemon threads shared by all reads; parsing is CPU-bound, so one per core, at most four.
     * Idle ones end after a few seconds, so that a long-lived Maven that loaded the plugin does
     * not keep them, and the plugin's class loader, alive between builds.
     */
    private static final ExecutorService POOL =
            idleEndingPool(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));

    private static ExecutorService idleEndingPool(int threads) {
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(threads, threads, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "qapi-parse");
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** A file's syntax, or why it could not be read. */
    record Loaded(FileSyntax syntax, String unreadable) {}

    private final SourceLoader loader;
    private final boolean lenient;
    private final Map<String, CompletableFuture<Loaded>> started = new ConcurrentHashMap<>();

    FilePrefetch(SourceLoader loader, boolean lenient) {
        this.loader = loader;
        this.lenient = lenient;
    }

    /** The file, parsed; waits for a background parse or parses it now. */
    Loaded get(String path) {
        CompletableFuture<Loaded> future = started.get(path);
        return future != null ? future.join() : load(path);
    }

    private void start(String path) {
        started.computeIfAbsent(path, p -> CompletableFuture.supplyAsync(() -> load(p), POOL));
    }

    private Loaded load(String path) {
        String raw;
        try {
            raw = loader.read(path);
        } catch (SourceLoader.SourceException e) {
            return new Loaded(null, e.getMessage());
        }
        FileSyntax syntax = SchemaReader.parse(path, raw, lenient);
        for (FileSyntax.Event event : syntax.events()) {
            if (event instanceof FileSyntax.Include inc) {
                start(Paths.join(Paths.dirname(path), inc.name()));
            }
        }
        return new Loaded(syntax, null);
    }
}
