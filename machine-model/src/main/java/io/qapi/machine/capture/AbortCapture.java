package io.qapi.machine.capture;

import io.qapi.machine.pack.TypeCatalog;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Records what QEMU prints on standard error, and how it exits, when one request makes it abort:
 * a QEMU with its monitor on standard input is asked {@code qom-list-types} (so modules are loaded,
 * as when the abort was found) and then the request, and is given the timeout to die.
 */
final class AbortCapture {
    private AbortCapture() {}

    static TypeCatalog.Abort run(Path binary, String command, String type, Duration timeout) throws IOException {
        Path log = Files.createTempFile("qemu-abort", ".log");
        Process p = new ProcessBuilder(List.of(
                        binary.toString(),
                        "-accel",
                        "tcg",
                        "-display",
                        "none",
                        "-machine",
                        "none",
                        "-nodefaults",
                        "-S",
                        "-qmp",
                        "stdio"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(log.toFile())
                .start();
        try {
            try (OutputStream in = p.getOutputStream()) {
                String session = "{\"execute\":\"qmp_capabilities\"}\n{\"execute\":\"qom-list-types\"}\n"
                        + "{\"execute\":\"" + command + "\",\"arguments\":{\"typename\":\"" + type + "\"}}\n";
                in.write(session.getBytes(StandardCharsets.UTF_8));
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException(binary + " did not end after " + command + " " + type);
            }
            String message = Files.readString(log).strip();
            if (p.exitValue() == 0 || message.isEmpty()) {
                throw new IOException(binary + " did not abort on " + command + " " + type + " when asked alone");
            }
            return new TypeCatalog.Abort(message, p.exitValue());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }
}
