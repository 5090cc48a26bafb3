package io.qapi.machine.board;

import com.fasterxml.jackson.databind.JsonNode;
import io.qapi.machine.chardev.ChardevOptionText;
import io.qapi.schema.hardware.BusDescription;
import io.qapi.schema.hardware.BusKind;
import io.qapi.schema.hardware.DeviceDescription;
import io.qapi.schema.hardware.HardwareDescription;
import io.qapi.schema.hardware.NumaDistanceDescription;
import io.qapi.schema.hardware.NumaNodeDescription;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hardware description as a QEMU 7.2 {@code -readconfig} file: a {@code [machine]} section
 * with the type and its options, {@code [smp-opts]} and {@code [memory]}, an {@code [object "ID"]}
 * and a {@code [chardev "ID"]} section per back end, a {@code [numa]} per node and distance, then a {@code [device "ID"]} (or {@code [device]}) section per
 * device that was added, with its driver, bus, address and properties, parents first. QEMU's
 * configuration files cannot say {@code -nodefaults}; a file for a machine without defaults says
 * so in a comment, and is read with {@code -nodefaults} on the command line. QEMU 7.2 no longer
 * writes these files itself ({@code -writeconfig} was removed in 7.1); it still reads them.
 */
public final class HardwareConfig {
    private HardwareConfig() {}

    public static String render(HardwareDescription hardware) {
        StringBuilder out = new StringBuilder("# qemu config file\n");
        if (!hardware.machine().defaults()) {
            out.append("# without default devices: read it with -nodefaults\n");
        }
        out.append("\n[machine]\n");
        entry(out, "type", hardware.machine().type());
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        hardware.machine().options().fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> option = it.next();
            entry(out, option.getKey(), option.getValue().asText());
        }
        hardware.smp().ifPresent(smp -> {
            out.append("\n[smp-opts]\n");
            smp.fields()
                    .forEachRemaining(e -> entry(out, e.getKey(), e.getValue().asText()));
        });
        hardware.memory().filter(bytes -> bytes > 0).ifPresent(bytes -> {
            out.append("\n[memory]\n");
            entry(out, "size", HardwareArgv.size(bytes));
        });
        hardware.backends().ifPresent(backends -> {
            if (backends.blockdevs().filter(nodes -> !nodes.isEmpty()).isPresent()) {
                throw new IllegalArgumentException(NO_BLOCKDEV);
            }
            backends.objects().forEach(object -> {
                out.append("\n[object \"").append(object.id()).append("\"]\n");
                entry(out, "qom-type", object.qomType());
                object.props().fields().forEachRemaining(p -> entry(out, p.getKey(), text(p.getValue())));
            });
            backends.chardevs().forEach(chardev -> {
                out.append("\n[chardev \"").append(chardev.id()).append("\"]\n");
                entry(out, "backend", chardev.backend().path("type").asText());
                ChardevOptionText.entries(chardev.backend()).forEach((key, value) -> entry(out, key, value));
            });
            backends.netdevs().orElse(List.of()).forEach(netdev -> {
                out.append("\n[netdev \"")
                        .append(netdev.options().path("id").asText())
                        .append("\"]\n");
                netdev.options().fields().forEachRemaining(o -> {
                    if (!o.getKey().equals("id")) {
                        entry(out, o.getKey(), text(o.getValue()));
                    }
                });
            });
        });
        hardware.numa().ifPresent(numa -> {
            for (NumaNodeDescription node : numa.nodes()) {
                out.append("\n[numa]\n");
                entry(out, "type", "node");
                entry(out, "nodeid", Long.toString(node.nodeid()));
                cpuRange(node).ifPresent(range -> entry(out, "cpus", range));
                node.mem().ifPresent(bytes -> entry(out, "mem", HardwareArgv.size(bytes)));
                node.memdev().ifPresent(memdev -> entry(out, "memdev", memdev));
            }
            for (NumaDistanceDescription distance : numa.distances()) {
                out.append("\n[numa]\n");
                entry(out, "type", "dist");
                entry(out, "src", Long.toString(distance.src()));
                entry(out, "dst", Long.toString(distance.dst()));
                entry(out, "val", Long.toString(distance.val()));
            }
        });
        devices(hardware.root(), out);
        return out.toString();
    }

    private static void devices(BusDescription bus, StringBuilder out) {
        for (DeviceDescription device : bus.devices()) {
            if (!device.implicit()) {
                out.append("\n[device")
                        .append(device.id().map(id -> " \"" + id + "\"").orElse(""))
                        .append("]\n");
                entry(out, "driver", device.type());
                entry(out, "bus", bus.name());
                // an ISA device's address is its I/O base, which its properties give or its type derives
                device.address()
                        .filter(address -> bus.kind() != BusKind.ISA)
                        .ifPresent(address -> entry(out, "addr", address));
                device.properties()
                        .ifPresent(properties ->
                                properties.fields().forEachRemaining(p -> entry(out, p.getKey(), text(p.getValue()))));
            }
            device.buses().forEach(child -> devices(child, out));
        }
    }

    /**
     * A node's CPUs as one {@code cpus} entry ({@code N} or {@code FIRST-LAST}). QEMU 7.2 keeps
     * only the last of repeated {@code cpus} entries in a {@code [numa]} section (unlike
     * {@code cpus=} repeated on the command line), so CPUs that are not one range cannot be said
     * in a configuration file.
     *
     * @throws IllegalArgumentException for such a node
     */
    private static Optional<String> cpuRange(NumaNodeDescription node) {
        List<Long> cpus = node.cpus();
        if (cpus.isEmpty()) {
            return Optional.empty();
        }
        long first = cpus.get(0);
        long last = cpus.get(cpus.size() - 1);
        if (last - first + 1 != cpus.size()) {
            throw new IllegalArgumentException(NOT_A_RANGE + node.nodeid() + " are " + cpus
                    + "; use the command line (-print-hardware argv) instead");
        }
        return Optional.of(first == last ? Long.toString(first) : first + "-" + last);
    }

    /**
     * How a description with block nodes is refused: QEMU 7.2's configuration files have no
     * {@code [blockdev]} section ("There is no option group 'blockdev'"), and a {@code [drive]}
     * section puts a named back end between the node and its device ({@code query-block} shows
     * its name), which is not the same machine (measured).
     */
    public static final String NO_BLOCKDEV = "a configuration file cannot hold a -blockdev node (QEMU 7.2's"
            + " configuration files have no [blockdev] section); use the command line (-print-hardware argv)"
            + " instead";

    /** How a description whose NUMA node's CPUs are not one range is refused. */
    public static final String NOT_A_RANGE =
            "a configuration file can give a NUMA node one range of CPUs only; the CPUs of node ";

    private static String text(JsonNode value) {
        return value.isBoolean() ? (value.booleanValue() ? "on" : "off") : value.asText();
    }

    private static void entry(StringBuilder out, String name, String value) {
        out.append("  ").append(name).append(" = \"").append(value).append("\"\n");
    }

    /** A section of a configuration file: its group, its id if it has one, its entries in order. */
    public record Section(String group, String id, List<Map.Entry<String, String>> entries) {}

    /**
     * Reads a configuration file as QEMU does: blank lines and {@code #} comments, a section
     * header {@code [group]} or {@code [group "id"]}, then {@code name = "value"} lines.
     *
     * @throws IllegalArgumentException with QEMU's "FILE:LINE: parse error" for a line it cannot read
     */
    public static List<Section> parse(String file, String text) {
        List<Section> sections = new ArrayList<>();
        Section current = null;
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            Matcher header = HEADER.matcher(trimmed);
            Matcher entry = ENTRY.matcher(trimmed);
            if (header.matches()) {
                current = new Section(header.group(1), header.group(2), new ArrayList<>());
                sections.add(current);
            } else if (entry.matches() && current != null) {
                current.entries().add(Map.entry(entry.group(1), entry.group(2)));
            } else {
                throw new IllegalArgumentException(file + ":" + number + ": parse error");
            }
        }
        return sections;
    }

    private static final Pattern HEADER = Pattern.compile("\\[([A-Za-z0-9_-]+)(?:\\s+\"([^\"]*)\")?\\]");
    private static final Pattern ENTRY = Pattern.compile("([A-Za-z0-9_.-]+)\\s*=\\s*\"([^\"]*)\"");
}
