package io.qapi.machine.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each PCI device type the model places looks like to {@code query-pci}: its class, ids,
 * interrupt pin, regions and, for a bridge, its bridge window; everything but where it sits. For
 * each board family with a PCI root bus ({@code pc}, {@code q35}), QEMU is started once per type
 * with {@code -nodefaults -S -device TYPE,id=probe} and the probe's entry of {@code query-pci} is
 * kept without its bus, slot, function and id, which the model fills in. With {@code -S} no
 * firmware has run, so regions are unassigned ({@code address} -1) and bridges' bus numbers are
 * 0, as the model's machines are when they are asked. A type QEMU refuses on a family is
 * recorded with QEMU's message instead.
 *
 * <p>Written as {@code pci-devices.json}: {@code {"pc": {TYPE: ENTRY | {"error": TEXT}}, "q35":
 * ..., "not-hotpluggable": [TYPE, ...]}}, the last the types {@code device_add} refuses (QEMU
 * creates them only with the machine); only for binaries whose target has these boards.
 */
final class PciDeviceCapture {
    static final String FILE = "pci-devices.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String PROBE = "probe";

    /** The families captured, by the machine type that stands for each. */
    static final List<String> FAMILIES = List.of("pc", "q35");

    /**
     * The device types the model places, each with the options QEMU needs to create one at all
     * (a {@code pci-bridge} must be given a chassis number, a {@code virtio-blk-pci} a block node).
     */
    static final Map<String, String> MODELED = modeled();

    /** The block node a probe that needs a back end ({@code drive=}) is given. */
    private static final String PROBE_DISK = "probe-disk";
    private static final String PROBE_DISK_OPTIONS = "driver=null-co,node-name=";

    private static Map<String, String> modeled() {
        Map<String, String> types = new LinkedHashMap<>();
        for (String type : List.of("e1000", "e1000e", "rtl8139", "virtio-net-pci", "virtio-scsi-pci",
                "virtio-serial-pci", "virtio-balloon-pci", "virtio-rng-pci", "ich9-ahci", "qemu-xhci",
                "ich9-intel-hda", "VGA", "virtio-vga", "pcie-root-port", "pcie-pci-bridge", "x3130-upstream",
                "xio3130-downstream")) {
            types.put(type, "");
        }
        types.put("pci-bridge", ",chassis_nr=1");
        types.put("virtio-blk-pci", ",drive=" + PROBE_DISK);
        return types;
    }

    private PciDeviceCapture() {
    }

    /** Every family's entries, or null when the target has none of the families (not x86). */
    static ObjectNode capture(Path binary, String arch) throws IOException {
        if (!arch.equals("x86_64")) {
            return null;
        }
        ObjectNode all = JSON.createObjectNode();
        for (String family : FAMILIES) {
            ObjectNode entries = all.putObject(family);
            for (Map.Entry<String, String> type : MODELED.entrySet()) {
                entries.set(type.getKey(), entry(binary, family, type.getKey(), type.getValue()));
            }
        }
        all.set(NOT_HOTPLUGGABLE, notHotpluggable(binary));
        return all;
    }

    /** The key of the types {@code device_add} refuses as not pluggable once the machine runs. */
    static final String NOT_HOTPLUGGABLE = "not-hotpluggable";
    private static final String NOT_PLUGGABLE = "Parameter 'driver' expects a pluggable device type";

    /**
     * The modeled types QEMU creates only with the machine: {@code device_add} of each, on a
     * {@code pc} whose root bus takes hotplug, refused with QEMU's "pluggable device type".
     */
    private static JsonNode notHotpluggable(Path binary) throws IOException {
        var refused = JSON.createArrayNode();
        try (QemuInstance qemu = QemuInstance.start(binary, "pc", List.of("-nodefaults"), TIMEOUT)) {
            int n = 0;
            for (Map.Entry<String, String> type : MODELED.entrySet()) {
                String id = PROBE + n++;
                ObjectNode arguments = JSON.createObjectNode().put("driver", type.getKey()).put("id", id);
                for (String option : type.getValue().split(",")) {
                    if (option.isEmpty()) {
                        continue;
                    }
                    String name = option.substring(0, option.indexOf('='));
                    String value = option.substring(option.indexOf('=') + 1);
                    if (value.equals(PROBE_DISK)) {
                        // a node of its own for each probe: a writable node takes one device
                        value = id + "-disk";
                        qemu.qmp().execute("blockdev-add", JSON.createObjectNode().put("driver", "null-co")
                                .put("node-name", value));
                        arguments.put(name, value);
                    } else {
                        // as a JSON client writes them: numbers as numbers
                        arguments.put(name, Integer.parseInt(value));
                    }
                }
                JsonNode reply = qemu.qmp().execute("device_add", arguments);
                if (reply.path("error").path("desc").asText().equals(NOT_PLUGGABLE)) {
                    refused.add(type.getKey());
                }
            }
        }
        return refused;
    }

    private static JsonNode entry(Path binary, String family, String type, String options) throws IOException {
        List<String> extra = new ArrayList<>(List.of("-nodefaults"));
        if (options.contains("=" + PROBE_DISK)) {
            extra.addAll(List.of("-blockdev", PROBE_DISK_OPTIONS + PROBE_DISK));
        }
        extra.addAll(List.of("-device", type + ",id=" + PROBE + options));
        try (QemuInstance qemu = QemuInstance.start(binary, family, extra, TIMEOUT)) {
            JsonNode reply = qemu.qmp().execute("query-pci", null);
            for (JsonNode bus : reply.path("return")) {
                for (JsonNode device : bus.path("devices")) {
                    if (device.path("qdev_id").asText().equals(PROBE)) {
                        ObjectNode entry = device.deepCopy();
                        entry.remove(List.of("bus", "slot", "function", "qdev_id"));
                        return entry;
                    }
                }
            }
            throw new IOException("query-pci of " + family + " with " + type + " does not list it: " + reply);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("QEMU ")) {
                // QEMU refused the device: keep its message, which the model gives for it too.
                String log = e.getMessage();
                String marker = "-device " + type + ",id=" + PROBE + options + ": ";
                int at = log.indexOf(marker);
                if (at >= 0) {
                    return JSON.createObjectNode().put("error", log.substring(at + marker.length()).strip());
                }
            }
            throw e;
        }
    }
}
