package io.qapi.machine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qapi.machine.board.HardwareArgv;
import io.qapi.machine.board.HardwareConfig;
import io.qapi.machine.board.MachineTypeDescriber;
import io.qapi.machine.vm.VirtualMachine;
import io.qapi.schema.hardware.HardwareDescription;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Block nodes in the machine's description: rendered as {@code -blockdev} in JSON form before the
 * disks that use them, and refused by {@code -writeconfig}, whose files cannot hold them.
 */
class BlockDescriptionTest {
    private static HardwareDescription described(String... options) throws CommandLineException {
        VirtualMachine vm = Launch.from(CommandLine.parse(List.of(options))).machine();
        return vm.describe(new MachineTypeDescriber(vm.parts().pack()));
    }

    @Test
    void nodesAreRenderedAsBlockdevBeforeTheirDisks() throws Exception {
        List<String> argv = HardwareArgv.argv(described(
                "-machine",
                "pc",
                "-nodefaults",
                "-device",
                "virtio-blk-pci,drive=n0,id=d",
                "-blockdev",
                "driver=null-aio,node-name=n0,size=4096"));
        int blockdev = argv.indexOf("-blockdev");
        assertEquals("{\"driver\":\"null-aio\",\"node-name\":\"n0\",\"size\":4096}", argv.get(blockdev + 1));
        int disk = argv.indexOf("virtio-blk-pci,id=d,bus=pci.0,addr=02.0,drive=n0");
        assertTrue(blockdev < disk, argv.toString());
    }

    @Test
    void aConfigurationFileCannotHoldThem() throws Exception {
        HardwareDescription hardware =
                described("-machine", "q35", "-nodefaults", "-blockdev", "driver=null-co,node-name=n0");
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> HardwareConfig.render(hardware));
        assertEquals(HardwareConfig.NO_BLOCKDEV, refused.getMessage());
        HardwareConfig.render(described("-machine", "q35", "-nodefaults"));
    }
}
