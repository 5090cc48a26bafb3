package io.qapi.machine.block;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Looks at host files for the {@code file} driver. The model only looks ({@code stat(2)},
 * {@code access(2)}): it opens no host file for I/O. Tests give their own answers.
 */
@FunctionalInterface
public interface HostFiles {

    /** What {@code path} names, as this process sees it. */
    HostFile look(String path);

    /** The host's own files, relative names taken from the working directory as QEMU takes them. */
    HostFiles SYSTEM = path -> {
        Path file;
        try {
            file = Path.of(path);
        } catch (InvalidPathException e) {
            return HostFile.missing(path, "Invalid argument");
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new HostFile(
                    path,
                    Optional.empty(),
                    attributes.isDirectory(),
                    attributes.isRegularFile(),
                    Files.isReadable(file),
                    Files.isWritable(file),
                    attributes.size());
        } catch (NoSuchFileException e) {
            return HostFile.missing(path, "No such file or directory");
        } catch (AccessDeniedException e) {
            return HostFile.missing(path, HostFile.PERMISSION_DENIED);
        } catch (FileSystemException e) {
            // the JDK keeps the C library's text of other errors (ENOTDIR, ELOOP, ENAMETOOLONG)
            return HostFile.missing(path, e.getReason() == null ? "Input/output error" : e.getReason());
        } catch (IOException e) {
            return HostFile.missing(path, "Input/output error");
        }
    };
}
