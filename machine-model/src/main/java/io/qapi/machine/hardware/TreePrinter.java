package io.qapi.machine.hardware;

import io.qapi.schema.hardware.BusDescription;
import io.qapi.schema.hardware.DeviceDescription;
import io.qapi.schema.hardware.HardwareDescription;
import io.qapi.schema.hardware.MachineFacts;

/**
 * A hardware description as an indented tree for people ({@code -print-hardware tree}): the
 * machine and its facts first, then each bus with the devices on it, a device's own buses below
 * it. Devices the machine type creates are marked {@code (implicit)}.
 * <pre>
 * machine pc-q35-7.2 (-nodefaults)
 *   root bus pcie, storage ahci, floppy controller no (a floppy needs isa-fdc), ...
 * bus main-system-bus (System, system)
 *   /machine/q35 q35-pcihost (implicit)
 *     bus pcie.0 (PCIE, pcie, no hotplug)
 *       00.0 /machine/q35/mch mch (implicit)
 * </pre>
 */
public final class TreePrinter {
    private TreePrinter() {
    }

    public static String print(HardwareDescription description) {
        StringBuilder out = new StringBuilder();
        out.append("machine ").append(description.machine().type())
                .append(description.machine().defaults() ? "" : " (-nodefaults)");
        if (description.machine().options().size() > 0) {
            out.append(' ').append(description.machine().options());
        }
        out.append('\n');
        out.append("  ").append(facts(description.facts())).append('\n');
        bus(out, description.root(), 0);
        return out.toString();
    }

    private static String facts(MachineFacts facts) {
        return "root bus " + facts.rootBus().wireName()
                + ", storage " + facts.storageController().wireName()
                + ", floppy controller " + (facts.floppyController() ? "yes" : "no")
                + (facts.floppyNeedsDevice() ? " (a floppy needs isa-fdc)" : "")
                + ", default NIC " + facts.defaultNic().orElse("none")
                + ", default display " + facts.defaultDisplay().orElse("none")
                + ", extra PCI roots " + (facts.pciMultiBus() ? "yes" : "no")
                + ", vmport " + (facts.vmport() ? "yes" : "no");
    }

    private static void bus(StringBuilder out, BusDescription bus, int depth) {
        indent(out, depth).append("bus ").append(bus.name()).append(" (").append(bus.type()).append(", ")
                .append(bus.kind().wireName()).append(bus.hotpluggable() ? ", hotplug" : ", no hotplug")
                .append(")\n");
        for (DeviceDescription device : bus.devices()) {
            indent(out, depth + 1);
            device.address().ifPresent(a -> out.append(a).append(' '));
            out.append(device.path()).append(' ').append(device.type());
            device.id().ifPresent(id -> out.append(" id=").append(id));
            if (device.implicit()) {
                out.append(" (implicit)");
            }
            out.append('\n');
            for (BusDescription child : device.buses()) {
                bus(out, child, depth + 2);
            }
        }
    }

    private static StringBuilder indent(StringBuilder out, int depth) {
        return out.append("  ".repeat(depth));
    }
}
