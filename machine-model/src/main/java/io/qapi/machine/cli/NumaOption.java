package io.qapi.machine.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.cli.OptsFields.Kind;
import io.qapi.machine.cli.OptsFields.Member;
import io.qapi.machine.numa.NumaConfig;
import io.qapi.machine.numa.NumaException;
import io.qapi.machine.numa.NumaMachineFacts;
import io.qapi.machine.numa.NumaNodeOptions;
import io.qapi.machine.topology.CpuProps;
import io.qapi.machine.topology.CpuSlots;
import io.qapi.runtime.api.QmpError;
import io.qapi.runtime.keyval.Keyval;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * {@code -numa node|cpu|dist,...}, read with {@code type} as the implied key and applied, in
 * command-line order, through the NUMA rules; a refusal carries the option, as QEMU's does.
 * The option's members are read as QEMU's options visitor reads them, with its messages (see
 * {@link OptsFields}); {@code hmat-lb}, {@code hmat-cache} and node {@code initiator=} are not
 * modeled and are refused as such.
 */
final class NumaOption {
    private NumaOption() {}

    /** The members of each kind of {@code -numa}, in the schema's order (QEMU 7.2's NumaOptions). */
    private static final Map<String, List<Member>> MEMBERS = Map.of(
            "node",
                    List.of(
                            Member.optional("nodeid", Kind.UINT16),
                            Member.optional("cpus", Kind.RAW),
                            Member.optional("mem", Kind.SIZE),
                            Member.optional("memdev", Kind.STRING),
                            Member.optional("initiator", Kind.UINT16)),
            "dist",
                    List.of(
                            Member.mandatory("src", Kind.UINT16),
                            Member.mandatory("dst", Kind.UINT16),
                            Member.mandatory("val", Kind.UINT8)),
            "cpu",
                    List.of(
                            Member.optional("node-id", Kind.INT64),
                            Member.optional("socket-id", Kind.INT64),
                            Member.optional("die-id", Kind.INT64),
                            Member.optional("cluster-id", Kind.INT64),
                            Member.optional("core-id", Kind.INT64),
                            Member.optional("thread-id", Kind.INT64)));
    /** The kinds QEMU 7.2 has; those without members here are not modeled. */
    private static final List<String> KINDS = List.of("node", "dist", "cpu", "hmat-lb", "hmat-cache");

    static NumaConfig apply(
            NumaConfig config, String argument, NumaMachineFacts facts, CpuSlots slots, Map<String, Long> backends)
            throws CommandLineException {
        ObjectNode tree;
        try {
            tree = Keyval.parse(argument, "type");
        } catch (QmpError e) {
            throw new CommandLineException("-numa " + argument + ": " + e.desc());
        }
        String kind = tree.path("type").asText("");
        if (!KINDS.contains(kind)) {
            throw new CommandLineException(
                    "-numa " + argument + ": Parameter 'type' does not accept value '" + kind + "'");
        }
        if (!MEMBERS.containsKey(kind)) {
            throw new CommandLineException(
                    "-numa " + argument + ": -numa " + kind + " is not modeled by " + QemuModel.PROGRAM);
        }
        Map<String, Object> values;
        try {
            values = OptsFields.read(tree, "type", MEMBERS.get(kind));
        } catch (IllegalArgumentException e) {
            throw new CommandLineException("-numa " + argument + ": " + e.getMessage());
        }
        try {
            return switch (kind) {
                case "node" -> {
                    if (values.containsKey("initiator")) {
                        throw new CommandLineException(
                                "-numa " + argument + ": node initiator= is not modeled by " + QemuModel.PROGRAM);
                    }
                    NumaNodeOptions node = new NumaNodeOptions(
                            integer(values, "nodeid"),
                            cpus(values.containsKey("cpus") ? every(argument, "cpus") : List.of(), argument),
                            values.containsKey("mem")
                                    ? OptionalLong.of((Long) values.get("mem"))
                                    : OptionalLong.empty(),
                            Optional.ofNullable((String) values.get("memdev")));
                    yield config.addNode(node, facts, slots, backends);
                }
                case "cpu" ->
                    config.mapCpus(
                            new CpuProps(
                                    integer(values, "node-id"),
                                    integer(values, "socket-id"),
                                    integer(values, "die-id"),
                                    integer(values, "cluster-id"),
                                    integer(values, "core-id"),
                                    integer(values, "thread-id")),
                            facts,
                            slots);
                default ->
                    config.addDistance(
                            integer(values, "src").orElseThrow(),
                            integer(values, "dst").orElseThrow(),
                            integer(values, "val").orElseThrow(),
                            facts);
            };
        } catch (NumaException e) {
            String hint = e.getMessage().equals(MEM_NOT_SUPPORTED) ? "\nUse -numa node,memdev instead" : "";
            throw new CommandLineException("-numa " + argument + ": " + e.getMessage() + hint);
        }
    }

    /** QEMU's refusal of {@code mem=} on machine types from 5.1, to which it adds a hint line. */
    private static final String MEM_NOT_SUPPORTED = "Parameter -numa node,mem is not supported by this machine type";

    /**
     * Every value of {@code key} in the option, in order: QEMU's options visitor reads a list
     * member from the key repeated ({@code cpus=0,cpus=2}).
     */
    private static List<String> every(String argument, String key) {
        List<String> values = new ArrayList<>();
        for (String item : argument.replace(",,", "\0").split(",")) {
            if (item.startsWith(key + "=")) {
                values.add(item.substring(key.length() + 1).replace("\0", ","));
            }
        }
        return values;
    }

    /** Each {@code cpus=N} or {@code cpus=FIRST-LAST}: the CPU indexes of a node. */
    private static List<Integer> cpus(List<String> texts, String argument) throws CommandLineException {
        List<Integer> cpus = new ArrayList<>();
        for (String text : texts) {
            try {
                int dash = text.indexOf('-');
                int first = Integer.parseInt(dash < 0 ? text : text.substring(0, dash));
                int last = dash < 0 ? first : Integer.parseInt(text.substring(dash + 1));
                for (int cpu = first; cpu <= last; cpu++) {
                    cpus.add(cpu);
                }
            } catch (NumberFormatException e) {
                throw new CommandLineException(
                        "-numa " + argument + ": Parameter 'cpus' expects a uint64 value or range");
            }
        }
        return cpus;
    }

    /**
     * An integer member as the NUMA rules take it. A value beyond an {@code int} (an int64 CPU
     * property, say) is clamped: it names no CPU or node either way, and the rules say so.
     */
    private static OptionalInt integer(Map<String, Object> values, String key) {
        Object value = values.get(key);
        if (value == null) {
            return OptionalInt.empty();
        }
        long number = (Long) value;
        return OptionalInt.of((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, number)));
    }
}
