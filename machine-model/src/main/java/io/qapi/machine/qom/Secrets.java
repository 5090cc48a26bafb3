package io.qapi.machine.qom;

import io.qapi.runtime.api.QmpError;
import io.qapi.schema.qom.QCryptoSecretFormat;
import io.qapi.schema.qom.SecretProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A {@code secret} object as QEMU 7.2 loads it when it is made: its data given or read from a
 * file, checked for its format. Nothing uses a secret in the model (it would decrypt a disk or
 * log in to a server), so the value itself is not kept; a secret encrypted with another
 * ({@code keyid}) is not modeled.
 */
final class Secrets {
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/=]*");

    private Secrets() {}

    // 'loaded' is deprecated in the schema, and still refused when given, as QEMU refuses it
    @SuppressWarnings("deprecation")
    static void load(SecretProperties secret) {
        if (secret.loaded().isPresent()) {
            throw QmpError.generic("Property 'secret.loaded' is not writable");
        }
        if (secret.data().isPresent() && secret.file().isPresent()) {
            throw QmpError.generic("'file' and 'data' are mutually exclusive");
        }
        if (secret.data().isEmpty() && secret.file().isEmpty()) {
            throw QmpError.generic("Either 'file' or 'data' must be provided");
        }
        if (secret.keyid().isPresent()) {
            throw QmpError.generic("a secret encrypted with another (keyid) is not modeled by qemu-model yet");
        }
        String data = secret.data().isPresent()
                ? secret.data().get()
                : read(secret.file().get());
        if (secret.format().orElse(QCryptoSecretFormat.RAW) == QCryptoSecretFormat.BASE64
                && !BASE64.matcher(data).matches()) {
            throw QmpError.generic("Base64 data contains invalid characters");
        }
    }

    /** The file's text, or QEMU's message (GLib's words, with its curly quotes) for one it cannot read. */
    private static String read(String file) {
        Path path = Path.of(file);
        if (Files.isDirectory(path)) {
            throw QmpError.generic(
                    "Unable to read " + file + ": Error reading file \u201c" + file + "\u201d: Is a directory");
        }
        try {
            return Files.readString(path, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw QmpError.generic("Unable to read " + file + ": Failed to open file \u201c" + file
                    + "\u201d: No such file or directory");
        } catch (IOException e) {
            throw QmpError.generic(
                    "Unable to read " + file + ": Failed to open file \u201c" + file + "\u201d: " + e.getMessage());
        }
    }
}
