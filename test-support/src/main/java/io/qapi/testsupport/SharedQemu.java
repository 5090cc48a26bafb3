package io.qapi.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * QEMU's own material at {@code ../shared/qemu} (its conformance suite and schemas, replies of a
 * real QEMU 7.2), used to test against and never copied into the project. Its place comes from
 * the system property {@code qapi.shared}, which the build sets; tests that need it are skipped,
 * saying so, where it is absent.
 */
public final class SharedQemu {
    private SharedQemu() {}

    /** The {@code qemu} directory of the shared material; the test is skipped where it is missing. */
    public static Path dir() {
        String configured = System.getProperty("qapi.shared");
        Path shared = configured != null ? Path.of(configured) : Path.of("../../shared");
        Path qemu = shared.resolve("qemu").toAbsolutePath().normalize();
        Assumptions.assumeTrue(
                Files.isDirectory(qemu),
                "QEMU material not found at " + qemu + " (../shared beside the repository): skipped");
        return qemu;
    }

    /** A file or directory below {@code shared/qemu}; the test is skipped where it is missing. */
    public static Path path(String relative) {
        Path p = dir().resolve(relative);
        Assumptions.assumeTrue(Files.exists(p), p + " not found: skipped");
        return p;
    }
}
