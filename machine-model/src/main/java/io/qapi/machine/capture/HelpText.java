package io.qapi.machine.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Captures what the binary prints for {@code -OPTION help} (its standard output, which it exits 0 after). */
final class HelpText {
    private static final long TIMEOUT_SECONDS = 10;

    private HelpText() {
    }

    static String capture(Path binary, String option) throws IOException {
        Path out = Files.createTempFile("qemu-help", ".txt");
        Process p = new ProcessBuilder(List.of(binary.toString(), "-" + option, "help"))
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException(binary + " -" + option + " help did not end in " + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                throw new IOException(binary + " -" + option + " help exited " + p.exitValue());
            }
            return Files.readString(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(out);
        }
    }
}
