package io.qapi.compiler;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * QEMU's own material at {@code ../shared/qemu} (QEMU's conformance suite and schemas, used to
 * test against, never copied here). Tests that use it are skipped, saying so, where it is absent.
 */
public final class SharedQemu {
    private SharedQemu() {
    }

    public static Path dir() {
        String configured = System.getProperty("qapi.shared");
        Path shared = configured != null ? Path.of(configured) : Path.of("../../shared");
        Path qemu = shared.resolve("qemu").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isDirectory(qemu),
                "QEMU test material not found at " + qemu + " (../shared beside the repository): skipped");
        return qemu;
    }
}
