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
 * each board family with a PCI root bus ({@code pc} and {@code q35} on x86_64, {@code virt} on
 * aarch64), QEMU is started once per type
 * with {@code -nodefaults -S -device TYPE,id=probe} and the probe's entry of {@code query-pci} is
 * kept without its bus, slot, function and id, which the model fills in. With {@code -S} no
 * firmware has run, so regions are unassigned ({@code address} -1) and bridges' bus numbers are
 * 0, as the model's machines are when they are asked. A type QEMU refuses on a family is
 * recorded with QEMU's message instead.
 *
 * <p>An expander bridge ({@code pxb}, {@code pxb-pcie}) opens a root bus of its own, which
 * {@code query-pci} lists before the others, numbered {@code bus_nr}; a {@code pxb} puts a
 * PCI-to-PCI bridge of its own (with the expander's id) at its slot 0. The devices the capture
 * finds on that bus are kept as they are there, without bus and id.
 *
 * <p>Written as {@code pci-devices.json}: {@code {FAMILY: {TYPE: ENTRY | {"error": TEXT}}, ...,
 * "not-hotpluggable": [TYPE, ...], "expander-buses": {"pc": {TYPE: [ENTRY, ...]}, ...}}},
 * {@code not-hotpluggable} the types {@code device_add} refuses (QEMU creates them only with the
 * machine), {@code expander-buses} what each expander type brings on its own bus,
 * {@code unplugged-at-once} the families whose root ports give up a hot-added device without a
 * guest (see {@link #unpluggedAtOnce}); only for binaries whose target has these boards.
 */
public final class PciDeviceCapture {
    static final String FILE = "pci-devices.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String PROBE = "probe";
    /** The bus number the expander bridges are probed with. */
    private static final int EXPANDER_BUS = 8;
    /** The key of what each expander bridge brings on its own root bus. */
    static final String EXPANDER_BUSES = "expander-buses";

    /**
     * The families captured for each target, by the machine type that stands for each; a target
     * not listed has none of the boards (its pack has no {@code pci-devices.json}).
     */
    static final Map<String, List<String>> FAMILIES = Map.of(
            "x86_64", List.of("pc", "q35"),
            "aarch64", List.of("virt"));

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
        for (String type : List.of(
                "e1000",
                "e1000e",
                "rtl8139",
                "virtio-net-pci",
                "virtio-scsi-pci",
                "virtio-serial-pci",
                "virtio-balloon-pci",
                "virtio-rng-pci",
                "ich9-ahci",
                "qemu-xhci",
                "ich9-intel-hda",
                "VGA",
                "virtio-vga",
                "piix3-usb-uhci",
                "pcie-root-port",
                "pcie-pci-bridge",
                "x3130-upstream",
                "xio3130-downstream")) {
            types.put(type, "");
        }
        types.put("pci-bridge", ",chassis_nr=1");
        // an expander's bus number must be free; a pxb's own bridge takes it as chassis number (> 0)
        types.put("pxb", ",bus_nr=" + EXPANDER_BUS);
        types.put("pxb-pcie", ",bus_nr=" + EXPANDER_BUS);
        types.put("virtio-blk-pci", ",drive=" + PROBE_DISK);
        return types;
    }

    private PciDeviceCapture() {}

    /**
     * Captures only this file of a pack ({@code PciDeviceCapture BINARY DIR}), in a few minutes
     * instead of the whole capture's; the whole capture ({@link Capture}) writes the same.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: PciDeviceCapture QEMU_BINARY DIR");
            System.exit(2);
        }
        Path binary = Path.of(args[0]);
        ObjectNode devices = capture(binary, target(binary));
        if (devices != null) {
            Capture.write(Path.of(args[1]).resolve(FILE), devices);
        }
    }

    /** The binary's target, as {@code query-target} names it ({@code x86_64}, {@code aarch64}). */
    private static String target(Path binary) throws IOException {
        try (QemuInstance qemu = QemuInstance.start(binary, "none", List.of(), TIMEOUT)) {
            return qemu.qmp()
                    .execute("query-target", null)
                    .path("return")
                    .path("arch")
                    .asText();
        }
    }

    /** Every family's entries, or null when the target has none of the families. */
    static ObjectNode capture(Path binary, String arch) throws IOException {
        List<String> families = FAMILIES.get(arch);
        if (families == null) {
            return null;
        }
        ObjectNode all = JSON.createObjectNode();
        ObjectNode expanderBuses = JSON.createObjectNode();
        for (String family : families) {
            ObjectNode entries = all.putObject(family);
            ObjectNode expanders = expanderBuses.putObject(family);
            for (Map.Entry<String, String> type : MODELED.entrySet()) {
                JsonNode reply = queryPci(binary, family, type.getKey(), type.getValue());
                entries.set(type.getKey(), reply.has("error") ? reply : probeEntry(reply, family, type.getKey()));
                if (type.getValue().contains("bus_nr=") && !reply.has("error")) {
                    expanders.set(type.getKey(), expanderBus(reply));
                }
            }
        }
        all.set(NOT_HOTPLUGGABLE, notHotpluggable(binary, families.get(0)));
        all.set(UNPLUGGED_AT_ONCE, unpluggedAtOnce(binary, families));
        all.set(EXPANDER_BUSES, expanderBuses);
        return all;
    }

    /** The key of the types {@code device_add} refuses as not pluggable once the machine runs. */
    static final String NOT_HOTPLUGGABLE = "not-hotpluggable";

    private static final String NOT_PLUGGABLE = "Parameter 'driver' expects a pluggable device type";

    /**
     * The modeled types QEMU creates only with the machine: {@code device_add} of each on the
     * target's first family, refused with QEMU's "pluggable device type", which QEMU checks before
     * it looks for a bus (so {@code virt}, whose root bus takes no hotplug, answers it too).
     */
    private static JsonNode notHotpluggable(Path binary, String family) throws IOException {
        var refused = JSON.createArrayNode();
        try (QemuInstance qemu = QemuInstance.start(binary, family, List.of("-nodefaults"), TIMEOUT)) {
            int n = 0;
            for (Map.Entry<String, String> type : MODELED.entrySet()) {
                String id = PROBE + n++;
                ObjectNode arguments =
                        JSON.createObjectNode().put("driver", type.getKey()).put("id", id);
                for (String option : type.getValue().split(",")) {
                    if (option.isEmpty()) {
                        continue;
                    }
                    String name = option.substring(0, option.indexOf('='));
                    String value = option.substring(option.indexOf('=') + 1);
                    if (value.equals(PROBE_DISK)) {
                        // a node of its own for each probe: a writable node takes one device
                        value = id + "-disk";
                        qemu.qmp()
                                .execute(
                                        "blockdev-add",
                                        JSON.createObjectNode()
                                                .put("driver", "null-co")
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

    /** The key of the families whose root ports give up a hot-added device at once. */
    static final String UNPLUGGED_AT_ONCE = "unplugged-at-once";

    /**
     * The families where {@code device_add} of a device behind a root port that was empty at
     * reset, then {@code device_del} of it, leaves no device: the port's slot is still powered
     * off (PCIe native hotplug), so QEMU removes the device without asking a guest. Where ACPI
     * handles the port (q35, and pc, where a root port plugs too) the device stays until a guest
     * answers; a family where the device cannot be added behind the port is not listed.
     */
    private static JsonNode unpluggedAtOnce(Path binary, List<String> families) throws IOException {
        var atOnce = JSON.createArrayNode();
        for (String family : families) {
            List<String> extra = List.of("-nodefaults", "-device", "pcie-root-port,id=probe-port,chassis=1");
            try (QemuInstance qemu = QemuInstance.start(binary, family, extra, TIMEOUT)) {
                QmpConnection qmp = qemu.qmp();
                JsonNode added = qmp.execute(
                        "device_add",
                        JSON.createObjectNode()
                                .put("driver", "virtio-rng-pci")
                                .put("id", PROBE)
                                .put("bus", "probe-port"));
                if (added.has("error")) {
                    continue;
                }
                qmp.execute("device_del", JSON.createObjectNode().put("id", PROBE));
                JsonNode peripheral =
                        qmp.execute("qom-list", JSON.createObjectNode().put("path", "/machine/peripheral"));
                boolean stays = false;
                for (JsonNode child : peripheral.path("return")) {
                    stays |= child.path("name").asText().equals(PROBE);
                }
                if (!stays) {
                    atOnce.add(family);
                }
            }
        }
        return atOnce;
    }

    /** {@code query-pci} of the family's board with the probe, or QEMU's refusal as {"error": TEXT}. */
    private static JsonNode queryPci(Path binary, String family, String type, String options) throws IOException {
        List<String> extra = new ArrayList<>(List.of("-nodefaults"));
        if (options.contains("=" + PROBE_DISK)) {
            extra.addAll(List.of("-blockdev", PROBE_DISK_OPTIONS + PROBE_DISK));
        }
        extra.addAll(List.of("-device", type + ",id=" + PROBE + options));
        try (QemuInstance qemu = QemuInstance.start(binary, family, extra, TIMEOUT)) {
            return qemu.qmp().execute("query-pci", null);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("QEMU ")) {
                // QEMU refused the device: keep its message, which the model gives for it too.
                String log = e.getMessage();
                String marker = "-device " + type + ",id=" + PROBE + options + ": ";
                int at = log.indexOf(marker);
                if (at >= 0) {
                    return JSON.createObjectNode()
                            .put("error", log.substring(at + marker.length()).strip());
                }
            }
            throw e;
        }
    }

    /** The probe's entry on the board's root bus (bus 0), without what the model fills in. */
    private static JsonNode probeEntry(JsonNode reply, String family, String type) throws IOException {
        for (JsonNode bus : reply.path("return")) {
            for (JsonNode device : bus.path("devices")) {
                if (bus.path("bus").asInt() == 0
                        && device.path("qdev_id").asText().equals(PROBE)) {
                    ObjectNode entry = withoutPlace(device);
                    entry.remove(List.of("slot", "function"));
                    return entry;
                }
            }
        }
        throw new IOException("query-pci of " + family + " with " + type + " does not list it: " + reply);
    }

    /** The devices on the expander's own root bus (numbered {@link #EXPANDER_BUS}), in QEMU's order. */
    private static JsonNode expanderBus(JsonNode reply) throws IOException {
        for (JsonNode bus : reply.path("return")) {
            if (bus.path("bus").asInt() == EXPANDER_BUS) {
                var devices = JSON.createArrayNode();
                bus.path("devices").forEach(device -> devices.add(withoutPlace(device)));
                return devices;
            }
        }
        throw new IOException("query-pci lists no bus " + EXPANDER_BUS + ": " + reply);
    }

    /** The entry without its bus and id; an expander's own bridge keeps its slot and function. */
    private static ObjectNode withoutPlace(JsonNode device) {
        ObjectNode entry = device.deepCopy();
        entry.remove(List.of("bus", "qdev_id"));
        return entry;
    }
}
