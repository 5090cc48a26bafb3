package io.qapi.machine.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qapi.schema.hardware.BusDescription;
import io.qapi.schema.hardware.DeviceDescription;
import io.qapi.schema.hardware.HardwareDescription;
import io.qapi.schema.hardware.MachineFacts;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A hardware description as text: the {@code query-machine-type} reply, or a tree for people. */
public final class HardwareText {
    private HardwareText() {}

    /** The description as the JSON {@code query-machine-type} returns, indented. */
    public static String json(HardwareDescription board) {
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(board.toJson())
                    + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The description as a tree: the machine and its facts, then every bus with its devices,
     * each device with its address on the bus, its type and its QOM path.
     */
    public static String tree(HardwareDescription board) {
        StringBuilder out = new StringBuilder();
        // the machine as -machine names it: its type, then its options
        out.append(board.machine().type());
        board.machine()
                .options()
                .fields()
                .forEachRemaining(o -> out.append(',')
                        .append(o.getKey())
                        .append('=')
                        .append(o.getValue().asText()));
        out.append(board.machine().defaults() ? " (with default devices)" : "").append('\n');
        out.append(facts(board.facts())).append('\n');
        bus(out, board.root(), "", "");
        if (!board.unattached().isEmpty()) {
            out.append("on no bus:\n");
            for (int i = 0; i < board.unattached().size(); i++) {
                device(out, board.unattached().get(i), i == board.unattached().size() - 1 ? "└─ " : "├─ ", "   ");
            }
        }
        return out.toString();
    }

    private static String facts(MachineFacts facts) {
        List<String> parts = new ArrayList<>();
        parts.add("root bus " + facts.rootBus().wireName());
        parts.add("storage " + facts.storageController().wireName());
        parts.add(
                facts.floppyController()
                        ? "floppy built in"
                        : facts.floppyNeedsDevice() ? "floppy needs -device isa-fdc" : "no floppy");
        facts.defaultNic().ifPresent(nic -> parts.add("default NIC " + nic));
        facts.defaultDisplay().ifPresent(display -> parts.add("default display " + display));
        if (facts.pciMultiBus()) {
            parts.add("PCI bridges");
        }
        if (facts.vmport()) {
            parts.add("vmport");
        }
        return String.join(", ", parts);
    }

    private static void bus(StringBuilder out, BusDescription bus, String lead, String indent) {
        out.append(lead)
                .append(bus.name())
                .append(" (")
                .append(bus.kind().wireName())
                .append(bus.hotpluggable() ? ", hotplug" : "")
                .append(")\n");
        List<DeviceDescription> devices = bus.devices();
        for (int i = 0; i < devices.size(); i++) {
            boolean last = i == devices.size() - 1;
            device(out, devices.get(i), indent + (last ? "└─ " : "├─ "), indent + (last ? "   " : "│  "));
        }
    }

    private static void device(StringBuilder out, DeviceDescription device, String lead, String indent) {
        out.append(lead);
        device.address().ifPresent(address -> out.append(address).append(' '));
        out.append(device.type()).append("  ").append(device.path()).append('\n');
        List<BusDescription> buses = device.buses();
        for (int i = 0; i < buses.size(); i++) {
            boolean last = i == buses.size() - 1;
            bus(out, buses.get(i), indent + (last ? "└─ " : "├─ "), indent + (last ? "   " : "│  "));
        }
    }

    /**
     * The description as a Graphviz graph ({@code dot -Tsvg}): buses as ellipses, devices as
     * boxes, each bus pointing at its devices and each device at the buses it provides; the
     * board's own devices drawn grey, the devices added ({@code -device}, {@code device_add})
     * bold. The devices on no bus (the CPUs) are left out.
     */
    public static String dot(HardwareDescription board) {
        StringBuilder out = new StringBuilder("digraph hardware {\n");
        out.append("  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n");
        out.append("  label=")
                .append(quote(board.machine().type() + (board.machine().defaults() ? " (with default devices)" : "")))
                .append(";\n");
        dotBus(out, board.root());
        out.append("}\n");
        return out.toString();
    }

    private static void dotBus(StringBuilder out, BusDescription bus) {
        out.append("  ")
                .append(quote(bus.path()))
                .append(" [shape=ellipse, label=")
                .append(quote(
                        bus.name() + " (" + bus.kind().wireName() + (bus.hotpluggable() ? ", hotplug" : "") + ")"))
                .append("];\n");
        for (DeviceDescription device : bus.devices()) {
            String label = device.address().map(a -> a + " ").orElse("") + device.type() + "\n"
                    + device.id().orElse(device.path());
            out.append("  ")
                    .append(quote(device.path()))
                    .append(" [shape=box, label=")
                    .append(quote(label))
                    .append(device.implicit() ? ", color=gray50, fontcolor=gray40" : ", style=bold")
                    .append("];\n");
            out.append("  ")
                    .append(quote(bus.path()))
                    .append(" -> ")
                    .append(quote(device.path()))
                    .append(";\n");
            for (BusDescription child : device.buses()) {
                dotBus(out, child);
                out.append("  ")
                        .append(quote(device.path()))
                        .append(" -> ")
                        .append(quote(child.path()))
                        .append(";\n");
            }
        }
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
