package io.qapi.machine.pci;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The options of a PCI device ({@code -device TYPE,...} or {@code device_add}) read as QEMU 7.2
 * reads them: the placement options into a {@link DeviceRequest}, the guest-visible ones that do
 * not change what {@code query-pci} shows (a NIC's {@code mac}, a port's {@code chassis} and
 * {@code slot}, a bridge's {@code chassis_nr}, a disk's {@code drive}) kept as written. A property the type has but the
 * model does not follow is refused as not modeled rather than ignored, because it may change what
 * the guest sees; one the type lacks gets QEMU's "not found". An expander bridge's
 * {@code bus_nr} and {@code numa_node} are kept as decimal numbers.
 */
public final class DeviceOptions {
    private static final Pattern MAC = Pattern.compile("[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}");
    private static final Set<String> PLACEMENT = Set.of("driver", "id", "bus", "addr", "multifunction");
    /** Guest-visible properties the model keeps and answers qom-get with. */
    private static final Set<String> KEPT =
            Set.of("mac", "chassis", "slot", "port", "chassis_nr", "bus_nr", "numa_node", "drive", "netdev", "rng");
    /** The integer properties the model keeps, with the largest value each takes and its C type. */
    private static final Map<String, Map.Entry<Long, String>> UNSIGNED =
            Map.of("bus_nr", Map.entry(0xffL, "uint8_t"), "numa_node", Map.entry(0xffffL, "uint16_t"));

    private DeviceOptions() {}

    /** The category of a modeled type: what kind of bus, if any, it opens. */
    public static DeviceCategory category(String type) {
        return switch (type) {
            case "pcie-root-port", "xio3130-downstream" -> DeviceCategory.PCIE_PORT;
            case "x3130-upstream" -> DeviceCategory.PCIE_SWITCH_UPSTREAM;
            case "pci-bridge", "pcie-pci-bridge" -> DeviceCategory.PCI_BRIDGE;
            case "pxb" -> DeviceCategory.PXB;
            case "pxb-pcie" -> DeviceCategory.PXB_PCIE;
            default -> DeviceCategory.ENDPOINT;
        };
    }

    /**
     * The request the options make; {@code options} maps names to values as text (a JSON number
     * or boolean as QEMU prints it). Property errors are not raised here: see {@link #check}.
     */
    public static DeviceRequest request(String type, Map<String, String> options, boolean hotplug) {
        DeviceRequest request = DeviceRequest.of(type, category(type), hotplug);
        if (options.containsKey("id")) {
            request = request.withId(options.get("id"));
        }
        if (options.containsKey("bus")) {
            request = request.onBus(options.get("bus"));
        }
        if (options.containsKey("addr")) {
            request = request.at(options.get("addr"));
        }
        if (options.containsKey("multifunction")) {
            request = request.multifunction(isOn(options.get("multifunction")));
        }
        if (request.category() == DeviceCategory.PCIE_PORT) {
            request = request.inChassisSlot(
                    new PciBus.ChassisSlot(number(options.get("chassis")), number(options.get("slot"))));
        }
        if (request.category().expander()) {
            request = request.withExpander(new DeviceRequest.Expander(
                    number(options.get("bus_nr")),
                    options.containsKey("numa_node")
                            ? number(options.get("numa_node"))
                            : DeviceRequest.Expander.NO_NUMA_NODE));
        }
        return request;
    }

    /** A property's number as QEMU reads it (decimal or 0x hexadecimal); 0 when not given or not a number. */
    private static int number(String text) {
        if (text == null) {
            return 0;
        }
        try {
            return Integer.decode(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * QEMU's checks of the properties, run where QEMU sets them: an unknown one is "not found",
     * a malformed MAC address is refused with QEMU's text.
     *
     * @param known the type's property names ({@code device-list-properties})
     * @return the kept properties
     */
    public static Map<String, String> check(String type, Map<String, String> options, Set<String> known)
            throws PlacementException {
        Map<String, String> kept = new LinkedHashMap<>();
        for (Map.Entry<String, String> option : options.entrySet()) {
            String name = option.getKey();
            if (PLACEMENT.contains(name)) {
                if (name.equals("multifunction") && bool(option.getValue()).isEmpty()) {
                    throw new PlacementException("Parameter 'multifunction' expects 'on' or 'off'");
                }
                continue;
            }
            if (!known.contains(name)) {
                throw new PlacementException("Property '" + type + "." + name + "' not found");
            }
            if (!KEPT.contains(name)) {
                throw new PlacementException("Property '" + type + "." + name + "' is not modeled by qemu-model yet");
            }
            if (name.equals("mac") && !MAC.matcher(option.getValue()).matches()) {
                throw new PlacementException(
                        "Property '" + type + ".mac' doesn't take value '" + option.getValue() + "'");
            }
            if (UNSIGNED.containsKey(name)) {
                kept.put(name, Long.toString(unsigned(name, option.getValue())));
                continue;
            }
            kept.put(
                    name,
                    name.equals("mac")
                            ? option.getValue().toLowerCase(Locale.ROOT).replace('-', ':')
                            : option.getValue());
        }
        return kept;
    }

    /**
     * An unsigned property as QEMU reads it from an option (decimal, 0x hexadecimal or 0 octal),
     * or QEMU's refusal: "expects integer" for no number, "expects uint8_t" (its C type) for one
     * out of range. Measured on QEMU 7.2 ({@code bus_nr=abc}, {@code bus_nr=256},
     * {@code numa_node=70000}).
     */
    private static long unsigned(String name, String text) throws PlacementException {
        long value;
        try {
            value = Long.decode(text);
        } catch (NumberFormatException e) {
            throw new PlacementException("Parameter '" + name + "' expects integer");
        }
        Map.Entry<Long, String> range = UNSIGNED.get(name);
        if (value < 0 || value > range.getKey()) {
            throw new PlacementException("Parameter '" + name + "' expects " + range.getValue());
        }
        return value;
    }

    private static boolean isOn(String value) {
        return bool(value).orElse(false);
    }

    private static Optional<Boolean> bool(String value) {
        return switch (value) {
            case "on", "yes", "true", "y" -> Optional.of(true);
            case "off", "no", "false", "n" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}
