package io.qapi.runtime.keyval;

import io.qapi.testsupport.SharedQemu;
import java.nio.file.Path;

/**
 * What was recorded from a real QEMU 7.2 at {@code ../shared/qemu/real-7.2} beside the
 * repository (or under the directory the system property {@code qapi.shared} names). Tests that
 * use it are skipped, saying so, where it is absent.
 */
final class SharedRecords {
    private SharedRecords() {}

    static Path qemu72() {
        return SharedQemu.path("real-7.2");
    }
}
