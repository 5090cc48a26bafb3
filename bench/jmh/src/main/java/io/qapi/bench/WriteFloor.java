package io.qapi.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The disk's share of a cold {@code qapic generate}: a process that writes files of the given
 * sizes the way the generator writes its output (one directory a schema module, each file
 * through a temporary file and an atomic rename, concurrently), and does nothing else.
 *
 * <p>Usage: {@code WriteFloor SIZES DIR}, SIZES holding one file size in bytes a line.
 */
public final class WriteFloor {
    /** About as many directories as QEMU's QMP schema has modules. */
    private static final int DIRECTORIES = 40;

    private WriteFloor() {}

    public static void main(String[] args) throws IOException {
        List<Integer> sizes = Files.readAllLines(Path.of(args[0])).stream()
                .map(Integer::parseInt)
                .toList();
        Path dir = Path.of(args[1]);
        IntStream.range(0, sizes.size()).parallel().forEach(i -> write(dir, i, sizes.get(i)));
    }

    private static void write(Path dir, int index, int size) {
        byte[] content = new byte[size];
        Arrays.fill(content, (byte) ' ');
        byte[] stamp = ("// file " + index + "\n").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(stamp, 0, content, 0, Math.min(stamp.length, size));
        Path target = dir.resolve("module" + index % DIRECTORIES).resolve("Type" + index + ".java");
        try {
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            Files.write(tmp, content);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
