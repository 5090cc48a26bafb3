package io.qapi.machine.preconfig;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/**
 * The commands qemu-system-x86_64 7.2 ran in preconfig (74 of 216), found by calling each
 * command on the real binary (README §8 of real-7.2); all others answer "permitted only after
 * machine initialization has completed". A schema's {@code allow-preconfig} flags can be checked
 * against this set.
 */
public final class PreconfigAllowlist {
    private static final String RESOURCE = "allowed-in-preconfig.txt";
    private static final Set<String> ALLOWED = load();

    private PreconfigAllowlist() {}

    /** The command names allowed in preconfig by QEMU 7.2 for x86_64. */
    public static Set<String> qemu72X86() {
        return ALLOWED;
    }

    private static Set<String> load() {
        try (InputStream in = PreconfigAllowlist.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Set<String> names = new TreeSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .filter(line -> !line.isBlank())
                    .forEach(names::add);
            return Set.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
