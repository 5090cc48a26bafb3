package io.qapi.machine.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qapi.machine.pack.MachinePack;
import io.qapi.runtime.api.QmpError;
import io.qapi.runtime.json.JsonWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The description index the build writes beside each built-in pack: every type the model
 * describes is in it, each entry is what the describer answers now, and nothing else is.
 */
class DescriptionIndexTest {
    @Test
    void everyEntryIsWhatTheDescriberAnswers() {
        for (String name : DescriptionIndex.BUILTIN_PACKS) {
            MachinePack pack = MachinePack.builtin(name);
            DescriptionIndex index = DescriptionIndex.of(pack)
                    .orElseThrow(() -> new AssertionError(
                            name + " has no description index: the build writes it in process-classes"));
            MachineTypeDescriber describer = new MachineTypeDescriber(pack);
            List<String> differences = new ArrayList<>();
            int described = 0;
            for (String type : pack.machineNames()) {
                for (boolean defaults : new boolean[] {false, true}) {
                    Optional<String> indexed =
                            index.text(type, defaults).map(t -> new String(t, StandardCharsets.US_ASCII));
                    Optional<String> fresh;
                    try {
                        fresh = Optional.of(JsonWriter.QEMU.text(describer
                                .describe(type, Optional.empty(), defaults)
                                .toJson()));
                        described++;
                    } catch (QmpError notDescribed) {
                        fresh = Optional.empty();
                    }
                    if (!fresh.equals(indexed)) {
                        differences.add(name + " " + type + (defaults ? " defaults" : " nodefaults"));
                    }
                }
            }
            assertEquals(List.of(), differences);
            assertTrue(described >= (name.startsWith("x86") ? 110 : 40), name + ": " + described + " described");
        }
    }

    @Test
    void aPackLoadedFromADirectoryHasNoIndex() throws IOException {
        Path dir = Path.of("src/main/resources/machine-types/x86_64-7.2");
        assertEquals(Optional.empty(), DescriptionIndex.of(MachinePack.load(dir)));
    }
}
