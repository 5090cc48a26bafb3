package io.qapi.machine.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hardware of a started board, read from its QOM tree: every device under {@code /machine}
 * with its type, the bus it sits on ({@code parent_bus}) and its address on that bus (PCI
 * {@code addr}, ISA {@code iobase}, I2C {@code address}), and every bus with its type, whether a
 * hotplug handler serves it, and its devices in the bus's own order. Objects are visited in
 * path order, so the same binary gives the same record.
 *
 * <p>Stored as {@code {"devices": [{path, type, bus?, addr?, iobase?, address?}], "buses":
 * [{path, type, hotpluggable, devices: [path]}], "qom": {...}}}; a device on no bus (a CPU, say)
 * has no {@code bus}. {@code qom} keeps what {@code qom-list} and {@code qom-get} answer of the
 * board: every object's type by path, the {@code qom-list} replies of {@link #LISTED}, and the
 * {@code qom-get} reply of every property of the machine object.
 */
final class BoardWalk {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The objects whose qom-list the model answers, and whose properties it gets (the machine). */
    static final List<String> LISTED =
            List.of("/", "/machine", "/machine/unattached", "/machine/peripheral", "/machine/peripheral-anon");

    static final String MACHINE = "/machine";
    /**
     * Machine properties whose value is the host's, not the binary's: the RTC's time, read from
     * the host clock. The capture records that they exist; the model computes them.
     */
    static final List<String> HOST_DEPENDENT = List.of("rtc-time");

    /**
     * QOM types that are never devices or buses and hold none: a board has hundreds of memory
     * regions and interrupt lines, and listing each would be most of the walk's time.
     */
    private static final List<String> HOLD_NO_HARDWARE = List.of("memory-region", "irq");

    /** The device properties that place a device on its bus. */
    private static final List<String> ADDRESSES = List.of("addr", "iobase", "address");

    private BoardWalk() {}

    /** Walks the board of the QEMU behind {@code qmp}, with what {@code qom-list} and {@code qom-get} answer. */
    static ObjectNode walk(QmpConnection qmp) throws IOException {
        return walk(qmp, true);
    }

    /** Walks the board's devices and buses only: {@code {"devices": [...], "buses": [...]}}. */
    static ObjectNode walkHardware(QmpConnection qmp) throws IOException {
        return walk(qmp, false);
    }

    private static ObjectNode walk(QmpConnection qmp, boolean withQom) throws IOException {
        ArrayNode devices = NODES.arrayNode();
        ArrayNode buses = NODES.arrayNode();
        ObjectNode types = NODES.objectNode();
        ObjectNode lists = NODES.objectNode();
        ObjectNode machineValues = NODES.objectNode();
        JsonNode root = qmp.execute("qom-list", path("/"));
        lists.set("/", root);
        String machineType = "";
        for (JsonNode p : root.path("return")) {
            if (p.path("name").asText().equals("machine")) {
                String type = p.path("type").asText();
                machineType = type.startsWith("child<") ? type.substring(6, type.length() - 1) : type;
            }
        }
        TreeMap<String, String> pending = new TreeMap<>();
        pending.put(MACHINE, machineType);
        while (!pending.isEmpty()) {
            Map.Entry<String, String> next = pending.pollFirstEntry();
            String path = next.getKey();
            if (HOLD_NO_HARDWARE.contains(next.getValue())) {
                continue;
            }
            JsonNode reply = qmp.execute("qom-list", path(path));
            JsonNode properties = reply.path("return");
            types.put(path, next.getValue());
            if (LISTED.contains(path)) {
                lists.set(path, reply);
            }
            if (withQom && path.equals(MACHINE)) {
                for (JsonNode p : properties) {
                    String name = p.path("name").asText();
                    if (HOST_DEPENDENT.contains(name)) {
                        machineValues.putObject(name).put("host-dependent", true);
                    } else if (!p.path("type").asText().startsWith("child<")) {
                        machineValues.set(
                                name, qmp.execute("qom-get", path(path).put("property", name)));
                    }
                }
            }
            Map<String, String> kinds = new TreeMap<>();
            for (JsonNode p : properties) {
                String name = p.path("name").asText();
                String type = p.path("type").asText();
                kinds.put(name, type);
                if (type.startsWith("child<")) {
                    pending.put(path + "/" + name, type.substring(6, type.length() - 1));
                }
            }
            String type = next.getValue();
            if (kinds.containsKey("parent_bus")) {
                devices.add(device(qmp, path, type, kinds));
            } else if (kinds.containsKey("hotplug-handler") && kinds.containsKey("realized")) {
                buses.add(bus(qmp, path, type, kinds));
            }
        }
        ObjectNode board = NODES.objectNode();
        board.set("devices", devices);
        board.set("buses", buses);
        if (!withQom) {
            return board;
        }
        ObjectNode qom = board.putObject("qom");
        qom.set("types", types);
        qom.set("lists", lists);
        qom.set("machine", machineValues);
        return board;
    }

    private static ObjectNode device(QmpConnection qmp, String path, String type, Map<String, String> kinds)
            throws IOException {
        ObjectNode device = NODES.objectNode().put("path", path).put("type", type);
        String bus = get(qmp, path, "parent_bus").asText("");
        if (!bus.isEmpty()) {
            device.put("bus", bus);
        }
        for (String property : ADDRESSES) {
            if (kinds.containsKey(property)) {
                JsonNode value = get(qmp, path, property);
                if (!value.isMissingNode() && !value.isNull()) {
                    device.set(property, value);
                }
            }
        }
        return device;
    }

    private static ObjectNode bus(QmpConnection qmp, String path, String type, Map<String, String> kinds)
            throws IOException {
        ObjectNode bus = NODES.objectNode()
                .put("path", path)
                .put("type", type)
                .put(
                        "hotpluggable",
                        !get(qmp, path, "hotplug-handler").asText("").isEmpty());
        // the bus links its devices as child[0], child[1], ... in the order they were plugged
        List<String> children = new ArrayList<>();
        for (int i = 0; kinds.containsKey("child[" + i + "]"); i++) {
            children.add(get(qmp, path, "child[" + i + "]").asText());
        }
        ArrayNode list = bus.putArray("devices");
        children.forEach(list::add);
        return bus;
    }

    private static JsonNode get(QmpConnection qmp, String path, String property) throws IOException {
        ObjectNode args = path(path).put("property", property);
        return qmp.execute("qom-get", args).path("return");
    }

    private static ObjectNode path(String path) {
        return NODES.objectNode().put("path", path);
    }
}
