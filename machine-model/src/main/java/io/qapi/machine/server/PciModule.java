package io.qapi.machine.server;

import io.qapi.machine.vm.VirtualMachine;
import io.qapi.runtime.QmpError;
import io.qapi.schema.pci.PciInfo;
import java.util.List;

/**
 * {@code query-pci}. The machine types without a PCI host bridge (none, isapc, and microvm,
 * whose PCIe is off unless asked for) have no PCI bus, which QEMU 7.2 reports as an empty list.
 * The PCI listing of the other boards needs the captured per-device PCI facts and is not
 * modeled yet; it answers an error that says so rather than a wrong list.
 */
final class PciModule {
    private static final List<String> WITHOUT_PCI = List.of("none", "isapc", "microvm");

    private final VirtualMachine machine;

    PciModule(VirtualMachine machine) {
        this.machine = machine;
    }

    List<PciInfo> queryPci() {
        if (WITHOUT_PCI.contains(machine.parts().type().name())
                && !"on".equals(machine.parts().options().get("pcie"))) {
            return List.of();
        }
        throw QmpError.generic("query-pci of machine type '" + machine.parts().type().name()
                + "' is not modeled by qemu-model yet");
    }
}
