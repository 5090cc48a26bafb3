package io.qapi.compiler.parse;

import io.qapi.compiler.source.Paths;
import io.qapi.compiler.source.SourceLoader;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
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

    /**
     * Files waiting for a thread, at most; past that, the thread that meets the include directive
     * parses the file itself (QEMU's schema has about forty files).
     */
    static final int WAITING_FILES = 64;

    private static ExecutorService idleEndingPool(int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                threads,
                threads,
                5,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(WAITING_FILES),
                r -> {
                    Thread t = new Thread(r, "qapi-parse");
                    t.setDaemon(true);
                    return t;
                },
                new ThreadPoolExecutor.CallerRunsPolicy());
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

    /**
     * Starts parsing a file unless it has been started. The task is handed to the pool outside
     * the map's update, because a full queue runs it right here, and it starts the files it
     * includes in turn.
     */
    private void start(String path) {
        CompletableFuture<Loaded> future = new CompletableFuture<>();
        if (started.putIfAbsent(path, future) == null) {
            future.completeAsync(() -> load(path), POOL);
        }
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
