package io.qapi.maven;

import io.qapi.compiler.write.GeneratedSources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * What the last run read: a SHA-256 over the configuration and the content of every schema
 * file, and the list of those files. If none of it changed, neither would the output.
 */
final class InputState {
    private final Path file;

    InputState(Path file) {
        this.file = file;
    }

    /**
     * Whether neither the inputs nor the outputs changed: the configuration and schema files hash
     * as they did, and every generated file is still there as it was written.
     */
    boolean unchanged(String configuration, Path output) {
        if (!Files.isRegularFile(file) || !Files.isDirectory(output) || !GeneratedSources.intact(output)) {
            return false;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return false;
            }
            List<Path> inputs = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                Path p = Path.of(line);
                if (!Files.isRegularFile(p)) {
                    return false;
                }
                inputs.add(p);
            }
            return lines.get(0).equals(hash(configuration, inputs));
        } catch (IOException e) {
            return false;
        }
    }

    void save(String configuration, Collection<Path> inputs, Path output) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(hash(configuration, inputs));
        inputs.forEach(p -> lines.add(p.toString()));
        Files.createDirectories(file.getParent());
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static String hash(String configuration, Collection<Path> inputs) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        sha.update(configuration.getBytes(StandardCharsets.UTF_8));
        for (Path p : inputs) {
            sha.update((byte) 0);
            sha.update(p.toString().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(Files.readAllBytes(p));
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
