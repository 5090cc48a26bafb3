package io.qapi.machine.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host's own files, looked at as QEMU's {@code open(2)} would find them. */
class HostFilesTest {
    @TempDir
    Path dir;

    @Test
    void aRegularFileHasItsLength() throws Exception {
        Path disk = Files.write(dir.resolve("disk.img"), new byte[1000]);
        HostFile file = HostFiles.SYSTEM.look(disk.toString());
        assertEquals(Optional.empty(), file.lookupError());
        assertTrue(file.regular() && file.readable());
        assertEquals(1000, file.length());
    }

    @Test
    void theCLibrarysTextsSayWhyANameLeadsNowhere() throws Exception {
        Path disk = Files.write(dir.resolve("disk.img"), new byte[0]);
        assertEquals(
                Optional.of("No such file or directory"),
                HostFiles.SYSTEM.look(dir.resolve("missing.img").toString()).lookupError());
        assertEquals(
                Optional.of("Not a directory"),
                HostFiles.SYSTEM.look(disk + "/x").lookupError());
        assertTrue(HostFiles.SYSTEM.look(dir.toString()).directory());
    }
}
