package io.qapi.runtime.server;

import io.qapi.testsupport.SharedQemu;
import java.nio.file.Path;

/** What was captured from a real QEMU 7.2, in {@code ../shared/qemu/real-7.2/out} beside the repository. */
public final class Captures {
    private Captures() {}

    /** A captured file; the test is skipped, saying why, when the captures are not there. */
    public static Path file(String name) {
        return SharedQemu.path("real-7.2/out/" + name);
    }
}
