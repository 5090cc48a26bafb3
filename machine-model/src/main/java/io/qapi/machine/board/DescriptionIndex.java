package io.qapi.machine.board;

import io.qapi.machine.pack.MachinePack;
import io.qapi.runtime.api.QmpError;
import io.qapi.runtime.json.JsonWriter;
import io.qapi.schema.hardware.HardwareDescription;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every machine type's description (with and without defaults, no machine options) as the wire
 * text {@code query-machine-type} answers, made when the module is built and shipped beside its
 * pack ({@code machine-types/PACK/descriptions.idx}). A model asked to describe every type in one
 * session then copies each answer instead of building it on a JVM that has not warmed up yet.
 * The descriptions come from {@link MachineTypeDescriber} itself, so the index cannot say other
 * than the model would; a test compares every entry with a fresh description.
 *
 * <p>Layout: a first line with the number of entries, one line per entry ({@code TYPE VARIANT
 * OFFSET LENGTH}, the variant {@code defaults} or {@code nodefaults}), then the texts, one after
 * the other, each the QEMU-ordered JSON of a {@code HardwareDescription}. A type the model cannot
 * describe (QEMU refuses to start it, or the pack does not describe it) has no entry.
 */
public final class DescriptionIndex {
    /** The file's name in a pack's directory. */
    public static final String FILE = "descriptions.idx";
    /** The packs this module ships, whose indexes the build writes. */
    static final List<String> BUILTIN_PACKS = List.of("x86_64-7.2", "aarch64-7.2");

    private final Map<String, byte[]> texts;

    private DescriptionIndex(Map<String, byte[]> texts) {
        this.texts = texts;
    }

    /** The index shipped with {@code pack}; empty for a pack without one. */
    public static Optional<DescriptionIndex> of(MachinePack pack) {
        return pack.derivedFile(FILE).map(DescriptionIndex::parse);
    }

    /** The wire text of {@code type}'s description (its full name), when indexed. */
    public Optional<byte[]> text(String type, boolean defaults) {
        return Optional.ofNullable(texts.get(key(type, defaults)));
    }

    private static String key(String type, boolean defaults) {
        return type + (defaults ? " defaults" : " nodefaults");
    }

    static DescriptionIndex parse(byte[] file) {
        int at = 0;
        int lineEnd = indexOf(file, '\n', at);
        int count = Integer.parseInt(new String(file, at, lineEnd - at, StandardCharsets.US_ASCII));
        at = lineEnd + 1;
        String[][] entries = new String[count][];
        for (int i = 0; i < count; i++) {
            lineEnd = indexOf(file, '\n', at);
            entries[i] = new String(file, at, lineEnd - at, StandardCharsets.US_ASCII).split(" ");
            at = lineEnd + 1;
        }
        Map<String, byte[]> texts = new HashMap<>();
        for (String[] entry : entries) {
            int offset = at + Integer.parseInt(entry[2]);
            texts.put(entry[0] + " " + entry[1], Arrays.copyOfRange(file, offset, offset + Integer.parseInt(entry[3])));
        }
        return new DescriptionIndex(texts);
    }

    private static int indexOf(byte[] bytes, char c, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == c) {
                return i;
            }
        }
        throw new IllegalArgumentException("truncated description index");
    }

    /** The index of {@code pack}: every type the describer describes, in the pack's order. */
    static byte[] render(MachinePack pack) {
        MachineTypeDescriber describer = new MachineTypeDescriber(pack);
        StringBuilder lines = new StringBuilder();
        ByteArrayOutputStream texts = new ByteArrayOutputStream();
        int count = 0;
        for (String type : pack.machineNames()) {
            for (boolean defaults : new boolean[] {false, true}) {
                HardwareDescription description;
                try {
                    description = describer.describe(type, Optional.empty(), defaults);
                } catch (QmpError notDescribed) {
                    continue;
                }
                byte[] text = JsonWriter.QEMU.text(description.toJson()).getBytes(StandardCharsets.US_ASCII);
                lines.append(type)
                        .append(defaults ? " defaults " : " nodefaults ")
                        .append(texts.size())
                        .append(' ')
                        .append(text.length)
                        .append('\n');
                texts.writeBytes(text);
                count++;
            }
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes((count + "\n" + lines).getBytes(StandardCharsets.US_ASCII));
        file.writeBytes(texts.toByteArray());
        return file.toByteArray();
    }

    /**
     * Writes the index of every pack this module ships into the build's class output directory
     * (run by the build after compiling): {@code DescriptionIndex CLASSES_DIR}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: DescriptionIndex CLASSES_DIR");
            System.exit(2);
        }
        for (String name : BUILTIN_PACKS) {
            Path file = Path.of(args[0], "machine-types", name, FILE);
            Files.write(file, render(MachinePack.builtin(name)));
        }
    }
}
