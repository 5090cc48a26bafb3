package io.qapi.machine.capture;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.pack.DefaultDeviceClass;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The boards a machine type builds with its defaults when the command line turns some of them
 * off by bringing a device of the class itself ({@code -device isa-serial} leaves out the default
 * serial port, {@code -device VGA} the default display adapter), for every combination of the
 * classes in {@link DefaultDeviceClass}. Measured on QEMU 7.2: a board without a default device
 * numbers its later devices differently ({@code /machine/unattached/device[N]}) and places its
 * default NIC in the slot the display adapter would have taken, so the boards are captured, not
 * derived.
 *
 * <p>QEMU turns a class off for a {@code -global} of a driver of the class as it does for a
 * {@code -device} of it, and a global creates no device; so each class is turned off with a
 * global that sets a property to the value it has anyway (for the devices of that type the
 * board still makes, as pc's floppy controller). Stored per combination ({@code "serial+vga"}) as
 * the difference from the type's board with defaults, as {@link SwitchCapture} stores a switch's.
 */
final class SuppressionCapture {
    static final String SUPPRESSIONS = "suppressions";

    /** Per class, a global of one of its drivers that changes no device's value. */
    private static final Map<DefaultDeviceClass, String> TRIGGER = Map.of(
            DefaultDeviceClass.SERIAL, "isa-serial.baudbase=115200",
            DefaultDeviceClass.PARALLEL, "isa-parallel.irq=7",
            DefaultDeviceClass.FLOPPY, "isa-fdc.dma=2",
            DefaultDeviceClass.VGA, "VGA.vgamem_mb=16");

    private SuppressionCapture() {}

    static ObjectNode capture(Path binary, String machine, ObjectNode withDefaults) {
        ObjectNode suppressions = JsonNodeFactory.instance.objectNode();
        for (Set<DefaultDeviceClass> classes : DefaultDeviceClass.combinations()) {
            List<String> globals = new ArrayList<>();
            for (DefaultDeviceClass suppressed : classes) {
                globals.add("-global");
                globals.add(TRIGGER.get(suppressed));
            }
            suppressions.set(
                    DefaultDeviceClass.key(classes),
                    SwitchCapture.difference(
                            withDefaults, MachineCapture.board(binary, machine, globals, MachineCapture.Walk.FULL)));
        }
        return suppressions;
    }
}
