package io.qapi.machine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qapi.machine.numa.NumaException;
import io.qapi.machine.numa.NumaNodeOptions;
import io.qapi.machine.vm.MachineParts;
import io.qapi.machine.vm.VirtualMachine;
import io.qapi.runtime.api.QmpError;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The preconfig phase of a machine: set-numa-node either applies a whole request or changes
 * nothing (QEMU 7.2 may keep part of a refused one), x-exit-preconfig refuses what QEMU would exit
 * on and leaves the machine in preconfig to be corrected, and then creates the machine once.
 */
class PreconfigMachineTest {
    private static VirtualMachine machine(String... args) throws CommandLineException {
        return Launch.from(CommandLine.parse(List.of(args))).machine();
    }

    private static VirtualMachine preconfig() throws CommandLineException {
        return machine(
                "-machine",
                "pc",
                "-nodefaults",
                "-S",
                "--preconfig",
                "-smp",
                "4,sockets=2,cores=2",
                "-m",
                "512",
                "-object",
                "memory-backend-ram,id=m0,size=256M",
                "-object",
                "memory-backend-ram,id=m1,size=256M");
    }

    @Test
    void aRefusedRequestChangesNothing() throws Exception {
        VirtualMachine vm = preconfig();
        vm.setNumaNode((config, facts, slots, sizes) ->
                config.addNode(NumaNodeOptions.withMemdev(0, "m0"), facts, slots, sizes));
        MachineParts before = vm.parts();
        // the request changes the configuration and then fails: none of it may stay
        QmpError refused = assertThrows(
                QmpError.class,
                () -> vm.setNumaNode((config, facts, slots, sizes) -> {
                    config.addNode(NumaNodeOptions.withMemdev(1, "m1"), facts, slots, sizes);
                    throw new NumaException("refused after a change");
                }));
        assertEquals("refused after a change", refused.desc());
        assertSame(before, vm.parts());
        QmpError duplicate = assertThrows(
                QmpError.class,
                () -> vm.setNumaNode((config, facts, slots, sizes) ->
                        config.addNode(NumaNodeOptions.withMemdev(0, "m1"), facts, slots, sizes)));
        assertEquals("Duplicate NUMA nodeid: 0", duplicate.desc());
        assertSame(before, vm.parts());
        assertEquals(1, vm.parts().numa().nodeCount());
    }

    @Test
    void exitRefusesWhatQemuExitsOnAndCanBeRetried() throws Exception {
        VirtualMachine vm = preconfig();
        vm.setNumaNode((config, facts, slots, sizes) ->
                config.addNode(NumaNodeOptions.withMemdev(0, "m0"), facts, slots, sizes));
        // 256 MiB of nodes for 512 MiB of RAM: QEMU 7.2 prints this and exits
        QmpError exit = assertThrows(QmpError.class, vm::exitPreconfig);
        assertEquals("total memory for NUMA nodes (0x10000000) should equal RAM size (0x20000000)", exit.desc());
        assertTrue(vm.inPreconfig());
        vm.setNumaNode((config, facts, slots, sizes) ->
                config.addNode(NumaNodeOptions.withMemdev(1, "m1"), facts, slots, sizes));
        vm.exitPreconfig();
        assertFalse(vm.inPreconfig());
        assertEquals(2, vm.parts().numaNodes());
        assertTrue(
                vm.parts().slots().orElseThrow().slots().stream()
                        .allMatch(s -> s.props().nodeId().isPresent()),
                "every CPU slot has a node once the machine is created");
        assertEquals(
                "The command is permitted only before machine initialization",
                assertThrows(QmpError.class, vm::exitPreconfig).desc());
        assertEquals(
                "The command is permitted only before the machine has been created",
                assertThrows(QmpError.class, () -> vm.setNumaNode((c, f, s, z) -> c))
                        .desc());
    }

    @Test
    void withoutPreconfigTheMachineIsCreatedAtOnce() throws Exception {
        VirtualMachine vm = machine("-machine", "pc", "-nodefaults", "-S");
        assertFalse(vm.inPreconfig());
        assertEquals(
                "The command is permitted only before machine initialization",
                assertThrows(QmpError.class, vm::exitPreconfig).desc());
    }
}
