package io.qapi.machine.qom;

import io.qapi.runtime.api.QmpError;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The host files objects name, looked at as QEMU 7.2 looks at them when it makes the object,
 * so that a command it refuses is refused here with its message. The model reads no more of a
 * file than its refusal needs.
 */
final class HostFiles {
    private HostFiles() {
    }

    /** {@code rng-random}'s source: QEMU opens it for reading, so a missing one is refused. */
    static void requireRngSource(String filename) {
        if (!Files.exists(Path.of(filename))) {
            throw QmpError.generic("Could not open '" + filename + "': No such file or directory");
        }
    }
}
