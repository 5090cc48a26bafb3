package io.qapi.runtime.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** What was captured from a real QEMU 7.2, in {@code ../shared/qemu/real-7.2/out} beside the repository. */
public final class Captures {
    private Captures() {
    }

    /** A captured file; the test is skipped, saying why, when the captures are not there. */
    public static Path file(String name) {
        Path root = Path.of(System.getProperty("qapi.shared", "../../shared"), "qemu/real-7.2/out");
        Path path = root.resolve(name);
        assumeTrue(Files.exists(path), "QEMU 7.2 captures not found at " + root.toAbsolutePath().normalize()
                + ": skipped");
        return path;
    }
}
