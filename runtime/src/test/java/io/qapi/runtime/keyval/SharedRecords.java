package io.qapi.runtime.keyval;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * What was recorded from a real QEMU 7.2 at {@code ../shared/qemu/real-7.2} beside the
 * repository (or under the directory the system property {@code qapi.shared} names). Tests that
 * use it are skipped, saying so, where it is absent.
 */
final class SharedRecords {
    private SharedRecords() {
    }

    static Path qemu72() {
        String configured = System.getProperty("qapi.shared");
        Path shared = configured != null ? Path.of(configured) : Path.of("../../shared");
        Path records = shared.resolve("qemu/real-7.2").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isDirectory(records),
                "QEMU 7.2 records not found at " + records + " (../shared beside the repository): skipped");
        return records;
    }
}
