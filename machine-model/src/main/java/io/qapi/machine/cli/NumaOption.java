package io.qapi.machine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.numa.NumaConfig;
import io.qapi.machine.numa.NumaException;
import io.qapi.machine.numa.NumaMachineFacts;
import io.qapi.machine.numa.NumaNodeOptions;
import io.qapi.machine.topology.CpuProps;
import io.qapi.machine.topology.CpuSlots;
import io.qapi.runtime.QmpError;
import io.qapi.runtime.keyval.Keyval;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * {@code -numa node|cpu|dist,...}, read with {@code type} as the implied key and applied, in
 * command-line order, through the NUMA rules; a refusal carries the option, as QEMU's does.
 * Node {@code cpus=} lists and {@code mem=} are not modeled yet and are refused as such.
 */
final class NumaOption {
    private NumaOption() {
    }

    static NumaConfig apply(NumaConfig config, String argument, NumaMachineFacts facts, CpuSlots slots,
            Map<String, Long> backends) throws CommandLineException {
        ObjectNode tree;
        try {
            tree = Keyval.parse(argument, "type");
        } catch (QmpError e) {
            throw new CommandLineException("-numa " + argument + ": " + e.desc());
        }
        try {
            return switch (tree.path("type").asText("")) {
                case "node" -> {
                    if (tree.has("initiator")) {
                        throw new CommandLineException("-numa " + argument
                                + ": node initiator= is not modeled by " + QemuModel.PROGRAM);
                    }
                    NumaNodeOptions node = new NumaNodeOptions(integer(tree, "nodeid", argument),
                            cpus(tree, argument), size(tree, "mem", argument),
                            Optional.ofNullable(tree.get("memdev")).map(JsonNode::asText));
                    yield config.addNode(node, facts, slots, backends);
                }
                case "cpu" -> config.mapCpus(new CpuProps(integer(tree, "node-id", argument),
                        integer(tree, "socket-id", argument), integer(tree, "die-id", argument),
                        integer(tree, "cluster-id", argument), integer(tree, "core-id", argument),
                        integer(tree, "thread-id", argument)), facts, slots);
                case "dist" -> config.addDistance(integer(tree, "src", argument).orElse(-1),
                        integer(tree, "dst", argument).orElse(-1), integer(tree, "val", argument).orElse(-1), facts);
                default -> throw new CommandLineException("-numa " + argument
                        + ": this kind of -numa option is not modeled by " + QemuModel.PROGRAM);
            };
        } catch (NumaException e) {
            String hint = e.getMessage().equals(MEM_NOT_SUPPORTED) ? "\nUse -numa node,memdev instead" : "";
            throw new CommandLineException("-numa " + argument + ": " + e.getMessage() + hint);
        }
    }

    /** QEMU's refusal of {@code mem=} on machine types from 5.1, to which it adds a hint line. */
    private static final String MEM_NOT_SUPPORTED = "Parameter -numa node,mem is not supported by this machine type";

    /** {@code cpus=N} or {@code cpus=FIRST-LAST}: the CPU indexes of a node. */
    private static List<Integer> cpus(ObjectNode tree, String argument) throws CommandLineException {
        JsonNode value = tree.get("cpus");
        if (value == null) {
            return List.of();
        }
        String text = value.asText();
        try {
            int dash = text.indexOf('-');
            int first = Integer.parseInt(dash < 0 ? text : text.substring(0, dash));
            int last = dash < 0 ? first : Integer.parseInt(text.substring(dash + 1));
            List<Integer> cpus = new java.util.ArrayList<>();
            for (int cpu = first; cpu <= last; cpu++) {
                cpus.add(cpu);
            }
            return cpus;
        } catch (NumberFormatException e) {
            throw new CommandLineException("-numa " + argument + ": Parameter 'cpus' expects a uint64 value or range");
        }
    }

    private static OptionalLong size(ObjectNode tree, String key, String argument) throws CommandLineException {
        JsonNode value = tree.get(key);
        if (value == null) {
            return OptionalLong.empty();
        }
        // numa node mem= takes a size in bytes unless suffixed, like other size options
        java.math.BigInteger bytes = SizeParser.parse(value.asText(), 1);
        if (bytes == null) {
            throw new CommandLineException("-numa " + argument + ": Parameter '" + key + "' expects a size");
        }
        return OptionalLong.of(bytes.longValue());
    }

    private static OptionalInt integer(ObjectNode tree, String key, String argument) throws CommandLineException {
        JsonNode value = tree.get(key);
        if (value == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(value.asText()));
        } catch (NumberFormatException e) {
            throw new CommandLineException("-numa " + argument + ": Parameter '" + key + "' expects a number");
        }
    }
}
