package io.qapi.machine.isa;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An ISA device the command line added.
 *
 * @param path    its QOM path ({@code /machine/peripheral/ID} or {@code /machine/peripheral-anon/device[N]})
 * @param type    its QOM type
 * @param id      its id, if given
 * @param given   the properties as written, in the order given (what the description repeats)
 * @param values  the numbers {@code qom-get} answers, given or QEMU's defaults ({@code index},
 *                {@code iobase}, {@code irq}, and a floppy controller's {@code dma})
 * @param chardev the character device of a serial port; empty for none
 */
public record IsaDevice(
        String path,
        String type,
        Optional<String> id,
        Map<String, String> given,
        Map<String, Long> values,
        String chardev) {

    public IsaDevice {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(chardev, "chardev");
        given = Collections.unmodifiableMap(new LinkedHashMap<>(given));
        values = Map.copyOf(values);
    }

    /** Its I/O base, where it sits on the bus. */
    public long iobase() {
        return values.get("iobase");
    }

    /**
     * The bus a floppy controller provides, named as QEMU names a device's first bus: after the
     * device's id, else after the bus type; empty for a device without one.
     */
    public Optional<String> childBus() {
        if (!type.equals(IsaRules.FLOPPY_CONTROLLER)) {
            return Optional.empty();
        }
        return Optional.of(id.orElse("floppy-bus") + ".0");
    }
}
