package io.qapi.machine.fd;

import java.io.Closeable;
import java.io.IOException;
import java.util.Objects;

/**
 * A file descriptor a monitor client sent with a command's bytes ({@code SCM_RIGHTS}), now open
 * in this process.
 *
 * @param number its number in this process, which {@code add-fd} and {@code query-fdsets} report
 *               as QEMU reports its own
 * @param handle closes it
 */
public record PassedDescriptor(int number, Closeable handle) {

    public PassedDescriptor {
        Objects.requireNonNull(handle, "handle");
    }

    /** Closes the descriptor; one that is closed already stays closed. */
    public void close() {
        try {
            handle.close();
        } catch (IOException e) {
            // closing a descriptor fails only when it is no longer open
        }
    }
}
