package io.qapi.compiler.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads schema files. Tests substitute an in-memory loader. */
@FunctionalInterface
public interface SourceLoader {

    /**
     * Reads a file's text.
     *
     * @throws SourceException with the reason QEMU would print (the C library's wording)
     */
    String read(String path) throws SourceException;

    /** Reads from the file system, decoding strict UTF-8. */
    SourceLoader FILES = path -> {
        Path p = Path.of(path);
        try {
            if (Files.isDirectory(p)) {
                throw new SourceException("Is a directory");
            }
            byte[] bytes = Files.readAllBytes(p);
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (NoSuchFileException e) {
            throw new SourceException("No such file or directory");
        } catch (AccessDeniedException e) {
            throw new SourceException("Permission denied");
        } catch (CharacterCodingException e) {
            throw new SourceException("invalid UTF-8");
        } catch (IOException e) {
            throw new SourceException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    };

    /** A file that cannot be read, with the reason. */
    final class SourceException extends Exception {
        private static final long serialVersionUID = 1L;

        public SourceException(String reason) {
            super(reason, null, false, false);
        }
    }
}
