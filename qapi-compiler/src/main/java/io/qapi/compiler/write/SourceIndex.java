package io.qapi.compiler.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the writer knows of the files it wrote into one output directory, kept in
 * {@code .qapic-index} there: per file, its size and modification time when written (a file
 * touched since is rebuilt), the names its content depended on and their digest then.
 *
 * <p>One line per file, tab-separated: path, size, modification time in milliseconds, digest,
 * then the names. An index that cannot be read is no index: everything is rebuilt.
 */
final class SourceIndex {
    static final String FILE_NAME = ".qapic-index";
    private static final String HEADER = "# qapic source index 1";

    private final Map<String, Entry> entries;

    private SourceIndex(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /** Whether the index knows no file (there was none, or it could not be read). */
    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Every file the index knows, by its path below the output directory. */
    Map<String, Entry> entries() {
        return Collections.unmodifiableMap(entries);
    }

    /** What the index knows of a file, or null. */
    Entry entry(String relativePath) {
        return entries.get(relativePath);
    }

    /** One written file. */
    record Entry(long size, long modified, String digest, List<String> dependencies) {
        static Entry of(BasicFileAttributes written, String digest, List<String> dependencies) {
            return new Entry(written.size(), written.lastModifiedTime().toMillis(), digest, List.copyOf(dependencies));
        }

        /** Whether the file on disk is still the one written (null: it is gone). */
        boolean matches(BasicFileAttributes now) {
            return now != null
                    && now.isRegularFile()
                    && now.size() == size
                    && now.lastModifiedTime().toMillis() == modified;
        }
    }

    static SourceIndex read(Path dir) {
        Map<String, Entry> entries = new HashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(dir.resolve(FILE_NAME), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new SourceIndex(entries);
        } catch (IOException | RuntimeException e) {
            return new SourceIndex(entries);
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            return new SourceIndex(entries);
        }
        try {
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split("\t", -1);
                entries.put(
                        fields[0],
                        new Entry(
                                Long.parseLong(fields[1]),
                                Long.parseLong(fields[2]),
                                fields[3],
                                List.of(Arrays.copyOfRange(fields, 4, fields.length))));
            }
        } catch (RuntimeException e) {
            entries.clear();
        }
        return new SourceIndex(entries);
    }

    /** Replaces the index with these entries (atomically: a reader sees the old or the new one). */
    static void write(Path dir, Map<String, Entry> entries) throws IOException {
        if (entries.isEmpty() && !Files.isDirectory(dir)) {
            return;
        }
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        new TreeMap<>(entries).forEach((path, e) -> {
            text.append(path)
                    .append('\t')
                    .append(e.size())
                    .append('\t')
                    .append(e.modified())
                    .append('\t')
                    .append(e.digest());
            e.dependencies().forEach(name -> text.append('\t').append(name));
            text.append('\n');
        });
        Files.createDirectories(dir);
        Path tmp = dir.resolve(FILE_NAME + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
