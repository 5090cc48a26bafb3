package io.qapi.machine.pci;

import java.util.Objects;
import java.util.Optional;

/**
 * A device occupying one slot/function of a bus.
 *
 * @param type the QOM type ({@code e1000}, {@code mch}, {@code ICH9-LPC} ...)
 * @param id the user-given id; empty for anonymous and implicit devices
 * @param bus the name of the bus it sits on
 * @param slot 0..31
 * @param function 0..7
 * @param multifunction whether the device sets the multifunction bit (needed on function 0 for
 *     other functions of the slot to be populated)
 * @param serial a number unique in the topology, so anonymous devices can be told apart
 */
public record PciDevice(
        String type, Optional<String> id, String bus, int slot, int function, boolean multifunction, int serial) {

    public PciDevice {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bus, "bus");
        if (slot < 0 || slot > 31 || function < 0 || function > 7) {
            throw new IllegalArgumentException("slot " + slot + " function " + function + " out of range");
        }
    }

    /** The device function number, {@code slot << 3 | function}. */
    public int devfn() {
        return slot << 3 | function;
    }

    /** A key naming the device: its id, or {@code #serial} for anonymous devices. */
    public String key() {
        return id.isPresent() ? id.get() : "#" + serial; // not orElse: that would build the text every time
    }
}
