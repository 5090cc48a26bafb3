package io.qapi.machine.block;

import io.qapi.runtime.api.QmpError;
import java.util.Objects;
import java.util.Optional;

/**
 * What the model learns of a host file by looking at it (it opens none): enough to give QEMU
 * 7.2's refusals of {@code blockdev-add} of the {@code file} driver and the size of its image.
 *
 * @param path       the name as given
 * @param lookupError why the name leads to no file, as the C library says it (e.g. "No such file
 *                   or directory", "Not a directory"), or empty
 * @param directory  whether it is a directory
 * @param regular    whether it is a regular file
 * @param readable   whether this process may read it
 * @param writable   whether this process may write it
 * @param length     its length in bytes
 */
public record HostFile(
        String path,
        Optional<String> lookupError,
        boolean directory,
        boolean regular,
        boolean readable,
        boolean writable,
        long length) {
    /** The C library's text of EACCES. */
    static final String PERMISSION_DENIED = "Permission denied";
    /** The C library's text of EISDIR. */
    static final String IS_A_DIRECTORY = "Is a directory";

    public HostFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(lookupError, "lookupError");
    }

    /** A name that leads to no file. */
    public static HostFile missing(String path, String reason) {
        return new HostFile(path, Optional.of(reason), false, false, false, false, 0);
    }

    /**
     * QEMU's refusal to open it for reading, or for reading and writing, checked as the kernel
     * checks {@code open(2)}: the name first, then a directory opened for writing, then the
     * permission; and after the open, QEMU's own demand of a regular file (measured on QEMU 7.2).
     */
    public void checkOpen(boolean forWriting) {
        if (lookupError.isPresent()) {
            throw couldNotOpen(lookupError.get());
        }
        if (forWriting && directory) {
            throw couldNotOpen(IS_A_DIRECTORY);
        }
        if (!readable || (forWriting && !writable)) {
            throw couldNotOpen(PERMISSION_DENIED);
        }
        if (!regular) {
            throw QmpError.generic("'file' driver requires '" + path + "' to be a regular file");
        }
    }

    /** QEMU's text when opening the file failed with the C library's {@code reason}. */
    public QmpError couldNotOpen(String reason) {
        return QmpError.generic("Could not open '" + path + "': " + reason);
    }
}
