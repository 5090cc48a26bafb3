package io.qapi.machine.isa;

import com.fasterxml.jackson.databind.JsonNode;
import io.qapi.machine.chardev.Chardev;
import io.qapi.machine.chardev.Chardevs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A board's ISA bus and the ISA devices the command line added to it, immutable: adding one
 * gives a new machine or QEMU's refusal.
 *
 * @param busName     the bus's name ({@code isa.0}), what {@code bus=} names
 * @param busPath     the bus's QOM path
 * @param serialPorts how many serial ports were made so far, the board's own included: QEMU
 *                    gives a serial port without an {@code index} the next number
 * @param dma         whether the bus has a DMA controller (a floppy controller needs one)
 * @param added       the devices added, in order
 */
public record IsaMachine(String busName, String busPath, int serialPorts, boolean dma, List<IsaDevice> added) {
    /** The QOM type of an ISA bus in a captured board. */
    private static final String ISA_BUS = "ISA";

    public IsaMachine {
        Objects.requireNonNull(busName, "busName");
        Objects.requireNonNull(busPath, "busPath");
        added = List.copyOf(added);
    }

    /** The ISA side of a captured board's {@code hardware}; empty for a board without an ISA bus. */
    public static Optional<IsaMachine> of(JsonNode hardware) {
        for (JsonNode bus : hardware.path("buses")) {
            if (!bus.path("type").asText().equals(ISA_BUS)) {
                continue;
            }
            String path = bus.path("path").asText();
            int serialPorts = 0;
            boolean dma = false;
            for (JsonNode device : hardware.path("devices")) {
                if (device.path("bus").asText().equals(path)) {
                    serialPorts += device.path("type").asText().equals(IsaRules.SERIAL) ? 1 : 0;
                    dma |= device.path("type").asText().equals("i8257");
                }
            }
            return Optional.of(
                    new IsaMachine(path.substring(path.lastIndexOf('/') + 1), path, serialPorts, dma, List.of()));
        }
        return Optional.empty();
    }

    /**
     * This machine with a device of {@code type} added at {@code path}, its properties set in the
     * order given and then realized, with QEMU 7.2's checks in QEMU's order.
     *
     * @param options  the options as text; {@code driver}, {@code id} and {@code bus} are skipped
     * @param known    the type's property names, for QEMU's "not found"
     * @param chardevs the machine's character devices, which a serial port's {@code chardev=} names
     */
    public IsaMachine with(
            String type,
            String path,
            Optional<String> id,
            Map<String, String> options,
            Set<String> known,
            Chardevs chardevs)
            throws IsaException {
        Map<String, String> given = new LinkedHashMap<>();
        Map<String, Long> values = new HashMap<>();
        String chardev = "";
        for (Map.Entry<String, String> option : options.entrySet()) {
            String name = option.getKey();
            if (IsaRules.PLACEMENT.contains(name)) {
                continue;
            }
            if (!known.contains(name)) {
                throw new IsaException("Property '" + type + "." + name + "' not found");
            }
            if (!IsaRules.kept(type, name)) {
                throw new IsaException("Property '" + type + "." + name + "' is not modeled by qemu-model yet");
            }
            if (name.equals("chardev")) {
                chardev = frontEndOf(option.getValue(), chardevs);
            } else {
                values.put(name, IsaRules.uint32(name, option.getValue()));
            }
            given.put(name, option.getValue());
        }
        int serials = serialPorts;
        if (type.equals(IsaRules.SERIAL)) {
            long index = values.getOrDefault("index", (long) serialPorts);
            if (index >= IsaRules.SERIAL_PORTS) {
                throw new IsaException("Max. supported number of ISA serial ports is " + IsaRules.SERIAL_PORTS + ".");
            }
            values.put("index", index);
            values.putIfAbsent("iobase", IsaRules.serialIobase(index));
            values.putIfAbsent("irq", IsaRules.serialIrq(index));
            serials++;
        } else {
            if (!dma) {
                throw new IsaException("ISA controller does not support DMA");
            }
            IsaRules.FLOPPY_CONTROLLER_DEFAULTS.forEach(values::putIfAbsent);
        }
        List<IsaDevice> next = new ArrayList<>(added);
        next.add(new IsaDevice(path, type, id, given, values, chardev));
        return new IsaMachine(busName, busPath, serials, dma, next);
    }

    /** The character device a serial port's {@code chardev=} names, refused as QEMU refuses it. */
    private static String frontEndOf(String id, Chardevs chardevs) throws IsaException {
        Optional<Chardev> chardev = chardevs.get(id);
        if (chardev.isEmpty()) {
            throw new IsaException("Property 'serial.chardev' can't find value '" + id + "'");
        }
        if (chardev.get().frontendOpen()) {
            throw new IsaException(
                    "Property 'serial.chardev' can't take value '" + id + "': Device '" + id + "' is in use");
        }
        return id;
    }

    /** The added device at {@code path}, if there is one. */
    public Optional<IsaDevice> added(String path) {
        return added.stream().filter(d -> d.path().equals(path)).findFirst();
    }
}
