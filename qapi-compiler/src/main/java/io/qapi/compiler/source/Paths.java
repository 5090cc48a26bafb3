package io.qapi.compiler.source;

import java.nio.file.Path;

/**
 * Path arithmetic done the way Python's {@code os.path} does it, because QEMU prints include
 * paths and module names built with it: joins are not normalised, module names are.
 */
public final class Paths {
    private Paths() {}

    /** {@code os.path.dirname}. */
    public static String dirname(String path) {
        int slash = path.lastIndexOf('/');
        String head = path.substring(0, slash + 1);
        if (!head.isEmpty() && !head.chars().allMatch(c -> c == '/')) {
            head = head.replaceAll("/+$", "");
        }
        return head;
    }

    /** {@code os.path.join} of two parts. */
    public static String join(String dir, String name) {
        if (name.startsWith("/") || dir.isEmpty()) {
            return name;
        }
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    /** {@code os.path.abspath}: absolute and lexically normalised, symlinks untouched. */
    public static Path absolute(String path) {
        return Path.of(path.isEmpty() ? "." : path).toAbsolutePath().normalize();
    }

    /** {@code os.path.relpath(path, start)}. */
    public static String relative(String path, String start) {
        Path rel = absolute(start).relativize(absolute(path));
        String s = rel.toString();
        return s.isEmpty() ? "." : s;
    }
}
