package io.qapi.machine.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.isa.IsaDevice;
import io.qapi.machine.isa.IsaMachine;
import io.qapi.machine.pci.PciBus;
import io.qapi.machine.pci.PciDevice;
import io.qapi.machine.pci.PciMachine;
import io.qapi.schema.hardware.BusDescription;
import io.qapi.schema.hardware.BusKind;
import io.qapi.schema.hardware.DeviceDescription;
import io.qapi.schema.hardware.HardwareDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The running machine as a description: the board as {@link MachineTypeDescriber} describes it,
 * with every device added since ({@code -device}, {@code device_add}) on the bus it sits on, after
 * the board's own devices and in the order they were added, each with its address ("SLOT.FN" in
 * hexadecimal), its id and the guest-visible properties it was given; a bridge or port added
 * brings its bus, with the devices added behind it; an expander bridge brings the buses it opens
 * (for a {@code pxb}, its root bus and the bus behind its own bridge), at their QOM paths in
 * {@code /machine/unattached}. ISA devices added sit on the board's ISA bus at their I/O base
 * ("0x3f8").
 */
public final class RunningHardware {
    /** The QOM type of the bus a floppy controller provides. */
    private static final String FLOPPY_BUS = "floppy-bus";

    private RunningHardware() {}

    public static HardwareDescription describe(HardwareDescription board, Optional<PciMachine> pci) {
        return describe(board, pci, Optional.empty());
    }

    /** The board with the PCI and the ISA devices added since. */
    public static HardwareDescription describe(
            HardwareDescription board, Optional<PciMachine> pci, Optional<IsaMachine> isa) {
        Optional<PciMachine> pciAdded = pci.filter(p -> !p.added().isEmpty());
        Optional<IsaMachine> isaAdded = isa.filter(i -> !i.added().isEmpty());
        if (pciAdded.isEmpty() && isaAdded.isEmpty()) {
            return board;
        }
        return new HardwareDescription(
                board.machine(),
                board.facts(),
                withAdded(board.root(), pciAdded, isaAdded),
                board.unattached(),
                board.smp(),
                board.memory(),
                board.numa(),
                board.backends());
    }

    private static BusDescription withAdded(BusDescription bus, Optional<PciMachine> pci, Optional<IsaMachine> isa) {
        List<DeviceDescription> devices = new ArrayList<>();
        for (DeviceDescription device : bus.devices()) {
            List<BusDescription> buses =
                    device.buses().stream().map(b -> withAdded(b, pci, isa)).toList();
            devices.add(new DeviceDescription(
                    device.path(),
                    device.type(),
                    device.id(),
                    device.address(),
                    device.implicit(),
                    device.properties(),
                    buses));
        }
        if (pci.isPresent() && bus.path().equals(pci.get().rootPath())) {
            devices.addAll(added(pci.get(), pci.get().topology().rootBus().name()));
        }
        if (isa.isPresent() && bus.path().equals(isa.get().busPath())) {
            isa.get().added().forEach(device -> devices.add(isaDevice(device)));
        }
        return new BusDescription(bus.name(), bus.path(), bus.type(), bus.kind(), bus.hotpluggable(), devices);
    }

    /**
     * An ISA device added: at its I/O base, with the properties given (what QEMU derives from
     * them, as a serial port's index, it derives again), and a floppy controller's empty bus.
     */
    private static DeviceDescription isaDevice(IsaDevice device) {
        List<BusDescription> buses = device.childBus()
                .map(name -> List.of(new BusDescription(
                        name,
                        device.path() + "/" + name,
                        FLOPPY_BUS,
                        BoardTree.BusKinds.of(FLOPPY_BUS),
                        false,
                        List.of())))
                .orElse(List.of());
        return new DeviceDescription(
                device.path(),
                device.type(),
                device.id(),
                Optional.of("0x" + Long.toHexString(device.iobase())),
                false,
                properties(device.given(), false),
                buses);
    }

    /** The devices added on the bus of that name, each with the bus it opens. */
    private static List<DeviceDescription> added(PciMachine pci, String busName) {
        List<DeviceDescription> devices = new ArrayList<>();
        for (PciMachine.AddedDevice added : pci.added()) {
            PciDevice device = added.device();
            if (!device.bus().equals(busName)) {
                continue;
            }
            List<BusDescription> buses = new ArrayList<>();
            for (PciBus child : pci.topology().buses()) {
                if (child.parentDeviceId().filter(device.key()::equals).isPresent()) {
                    String path = pci.busPath(child).orElse(added.path() + "/" + child.name());
                    buses.add(new BusDescription(
                            child.name(),
                            path,
                            qomType(child),
                            child.express() ? BusKind.PCIE : BusKind.PCI,
                            child.hotpluggable(),
                            added(pci, child.name())));
                }
            }
            devices.add(new DeviceDescription(
                    added.path(),
                    device.type(),
                    device.id(),
                    Optional.of(String.format("%02x.%x", device.slot(), device.function())),
                    false,
                    properties(added.properties(), device.multifunction()),
                    buses));
        }
        return devices;
    }

    /** A bus's QOM type: an expander's root bus has a type of its own. */
    private static String qomType(PciBus bus) {
        return switch (bus.kind()) {
            case PXB_ROOT -> "pxb-bus";
            case PXB_PCIE_ROOT -> "pxb-pcie-bus";
            default -> bus.kind().qomTypeName();
        };
    }

    /** The properties given, numbers as numbers; {@code multifunction} when it is on. */
    private static Optional<JsonNode> properties(Map<String, String> given, boolean multifunction) {
        if (given.isEmpty() && !multifunction) {
            return Optional.empty();
        }
        ObjectNode properties = JsonNodeFactory.instance.objectNode();
        given.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(p -> {
            if (p.getValue().matches("\\d{1,9}")) {
                properties.put(p.getKey(), Integer.parseInt(p.getValue()));
            } else {
                properties.put(p.getKey(), p.getValue());
            }
        });
        if (multifunction) {
            properties.put("multifunction", true);
        }
        return Optional.of(properties);
    }
}
