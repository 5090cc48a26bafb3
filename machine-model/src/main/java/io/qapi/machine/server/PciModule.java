package io.qapi.machine.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.qapi.machine.vm.MachineParts;
import io.qapi.machine.vm.VirtualMachine;
import io.qapi.runtime.QmpError;
import io.qapi.schema.pci.PciInfo;
import java.util.List;

/**
 * {@code query-pci}: the PCI buses of the board, as the capture recorded them from the real QEMU
 * for the same machine type, with or without default devices. A board whose machine options
 * differ from the captured one's (any {@code -machine} switch may add or drop PCI functions,
 * e.g. {@code acpi=off} drops the i440FX power-management function) is not answered from data
 * that may be wrong: it gets an error that says so.
 */
final class PciModule {
    private final VirtualMachine machine;

    PciModule(VirtualMachine machine) {
        this.machine = machine;
    }

    List<PciInfo> queryPci() {
        MachineParts parts = machine.parts();
        String type = parts.type().name();
        if (!parts.options().isEmpty()) {
            throw QmpError.generic("query-pci of machine type '" + type + "' with -machine "
                    + String.join(",", parts.options().keySet()) + " is not modeled by qemu-model yet");
        }
        JsonNode reply = parts.pack().boardReply(type, parts.defaults(), "query-pci")
                .orElseThrow(() -> QmpError.generic("query-pci of machine type '" + type
                        + "' is not in the machine data pack"));
        return MachineModule.capturedList(reply, PciInfo.DECODER);
    }
}
