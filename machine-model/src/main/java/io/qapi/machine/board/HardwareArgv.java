package io.qapi.machine.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.chardev.ChardevOptionText;
import io.qapi.schema.hardware.BusDescription;
import io.qapi.schema.hardware.BusKind;
import io.qapi.schema.hardware.DeviceDescription;
import io.qapi.schema.hardware.HardwareDescription;
import io.qapi.schema.hardware.NumaDescription;
import io.qapi.schema.hardware.NumaDistanceDescription;
import io.qapi.schema.hardware.NumaNodeDescription;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A hardware description as QEMU 7.2's command line: {@code -machine TYPE,OPTION=VALUE...},
 * {@code -nodefaults} unless the description includes the default devices, {@code -smp} and
 * {@code -m} when it gives them, an {@code -object}, a {@code -chardev} and a {@code -blockdev} (JSON)
 * per back end, and one
 * {@code -device} per device that was added (not the board's own), every one with its explicit
 * {@code bus=} and {@code addr=}, parents before what sits behind them. Both the real QEMU and
 * {@code ./qemu-model} build the described devices from it; {@code -hardware FILE} reads a
 * description through it.
 */
public final class HardwareArgv {
    private HardwareArgv() {}

    public static List<String> argv(HardwareDescription hardware) {
        List<String> argv = new ArrayList<>();
        StringBuilder machine = new StringBuilder(hardware.machine().type());
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        hardware.machine().options().fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> option = it.next();
            machine.append(',').append(option.getKey()).append('=').append(value(option.getValue()));
        }
        argv.add("-machine");
        argv.add(machine.toString());
        if (!hardware.machine().defaults()) {
            argv.add("-nodefaults");
        }
        hardware.smp().ifPresent(smp -> {
            StringBuilder option = new StringBuilder();
            smp.fields()
                    .forEachRemaining(e -> option.append(option.length() == 0 ? "" : ",")
                            .append(e.getKey())
                            .append('=')
                            .append(e.getValue().asText()));
            argv.add("-smp");
            argv.add(option.toString());
        });
        hardware.memory().filter(bytes -> bytes > 0).ifPresent(bytes -> {
            argv.add("-m");
            argv.add(size(bytes));
        });
        hardware.backends().ifPresent(backends -> {
            // objects in their JSON form, which says every property's type
            backends.objects().forEach(object -> {
                ObjectNode json = JsonNodeFactory.instance
                        .objectNode()
                        .put("qom-type", object.qomType())
                        .put("id", object.id());
                object.props().fields().forEachRemaining(p -> json.set(p.getKey(), p.getValue()));
                argv.add("-object");
                argv.add(json.toString());
            });
            backends.chardevs().forEach(chardev -> {
                argv.add("-chardev");
                argv.add(ChardevOptionText.option(chardev.id(), chardev.backend()));
            });
            // block nodes in their JSON form, as blockdev-add takes them
            backends.blockdevs().orElse(List.of()).forEach(blockdev -> {
                argv.add("-blockdev");
                argv.add(blockdev.options().toString());
            });
            // network back ends in their JSON form, as netdev_add takes them
            backends.netdevs().orElse(List.of()).forEach(netdev -> {
                argv.add("-netdev");
                argv.add(netdev.options().toString());
            });
        });
        hardware.numa()
                .ifPresent(numa -> numaOptions(numa).forEach(option -> {
                    argv.add("-numa");
                    argv.add(option);
                }));
        devices(hardware.root(), argv);
        return argv;
    }

    private static void devices(BusDescription bus, List<String> argv) {
        for (DeviceDescription device : bus.devices()) {
            if (!device.implicit()) {
                argv.add("-device");
                argv.add(device(bus, device));
            }
            device.buses().forEach(child -> devices(child, argv));
        }
    }

    private static String device(BusDescription bus, DeviceDescription device) {
        StringBuilder option = new StringBuilder(device.type());
        device.id().ifPresent(id -> option.append(",id=").append(escape(id)));
        option.append(",bus=").append(escape(bus.name()));
        // an ISA device's address is its I/O base, which its properties give or its type derives
        device.address()
                .filter(address -> bus.kind() != BusKind.ISA)
                .ifPresent(address -> option.append(",addr=").append(address));
        device.properties()
                .ifPresent(properties -> properties
                        .fields()
                        .forEachRemaining(p -> option.append(',')
                                .append(p.getKey())
                                .append('=')
                                .append(value(p.getValue()))));
        return option.toString();
    }

    /** The {@code -numa} options of a NUMA description: a node each, then the distances. */
    public static List<String> numaOptions(NumaDescription numa) {
        List<String> options = new ArrayList<>();
        for (NumaNodeDescription node : numa.nodes()) {
            StringBuilder option = new StringBuilder("node,nodeid=").append(node.nodeid());
            node.cpus().forEach(cpu -> option.append(",cpus=").append(cpu));
            node.mem().ifPresent(bytes -> option.append(",mem=").append(size(bytes)));
            node.memdev().ifPresent(memdev -> option.append(",memdev=").append(escape(memdev)));
            options.add(option.toString());
        }
        for (NumaDistanceDescription distance : numa.distances()) {
            options.add("dist,src=" + distance.src() + ",dst=" + distance.dst() + ",val=" + distance.val());
        }
        return options;
    }

    /** A size as QEMU's options take it: in MiB when it is whole MiB, else in bytes. */
    public static String size(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + "M" : bytes + "B";
    }

    /** A JSON value as an option value: booleans as on/off, the rest as text, commas doubled. */
    public static String value(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue() ? "on" : "off";
        }
        return escape(value.asText());
    }

    /** QEMU's option syntax doubles a comma inside a value. */
    public static String escape(String text) {
        return text.replace(",", ",,");
    }
}
