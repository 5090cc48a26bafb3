package io.qapi.machine.board;

import com.fasterxml.jackson.databind.JsonNode;
import io.qapi.machine.pack.MachinePack;
import java.util.Optional;

/**
 * Which machine type a {@code -machine} option selects, as QEMU 7.2 selects it: a type's name or
 * its alias; no type means the binary's default ({@code is-default}); an unknown name is refused
 * with QEMU's two-line message.
 *
 * @param entry the type's {@code query-machines} entry
 */
public record MachineSelection(JsonNode entry) {
    /** QEMU's message for a type the binary lacks. */
    public static final String UNSUPPORTED = "unsupported machine type\nUse -machine help to list supported machines";

    public static Optional<MachineSelection> select(MachinePack pack, Optional<String> asked) {
        for (JsonNode machine : pack.queryMachines().path("return")) {
            boolean match = asked.isPresent()
                    ? asked.get().equals(machine.path("name").asText())
                            || asked.get().equals(machine.path("alias").asText())
                    : machine.path("is-default").asBoolean(false);
            if (match) {
                return Optional.of(new MachineSelection(machine));
            }
        }
        return Optional.empty();
    }

    /** The type's full name ({@code pc-i440fx-7.2} for {@code pc}). */
    public String name() {
        return entry.path("name").asText();
    }

    public int cpuMax() {
        return entry.path("cpu-max").asInt();
    }

    public boolean hotpluggableCpus() {
        return entry.path("hotpluggable-cpus").asBoolean();
    }

    public boolean numaMemSupported() {
        return entry.path("numa-mem-supported").asBoolean();
    }

    public Optional<String> defaultRamId() {
        return entry.hasNonNull("default-ram-id")
                ? Optional.of(entry.get("default-ram-id").asText())
                : Optional.empty();
    }

    public Optional<String> defaultCpuType() {
        return entry.hasNonNull("default-cpu-type")
                ? Optional.of(entry.get("default-cpu-type").asText())
                : Optional.empty();
    }

    /**
     * Whether {@code -smp} fills sockets before cores: x86 machine types before 6.2 do (QEMU 7.2's
     * {@code smp_prefer_sockets}); from 6.2 cores come first.
     */
    public boolean prefersSockets() {
        String name = name();
        int dash = name.lastIndexOf('-');
        if (!name.startsWith("pc-") || dash < 0) {
            return false;
        }
        String[] version = name.substring(dash + 1).split("\\.");
        try {
            int major = Integer.parseInt(version[0]);
            int minor = version.length > 1 ? Integer.parseInt(version[1]) : 0;
            return major < 6 || (major == 6 && minor < 2);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
