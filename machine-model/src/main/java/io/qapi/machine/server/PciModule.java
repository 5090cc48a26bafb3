package io.qapi.machine.server;

import io.qapi.machine.vm.VirtualMachine;
import io.qapi.schema.pci.PciInfo;
import java.util.List;

/**
 * {@code query-pci}: the PCI buses of the board, as the capture recorded them from the real QEMU
 * for the same machine type and switches, with or without default devices. Two switches that
 * both change the PCI functions ({@code usb=on} and {@code smbus=off}) are not captured together,
 * and the board gets an error that says so rather than data that may be wrong.
 */
final class PciModule {
    private final VirtualMachine machine;

    PciModule(VirtualMachine machine) {
        this.machine = machine;
    }

    List<PciInfo> queryPci() {
        return MachineModule.capturedList(machine.parts().capturedReply("query-pci"), PciInfo.DECODER);
    }
}
