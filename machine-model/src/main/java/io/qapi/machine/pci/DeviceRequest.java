package io.qapi.machine.pci;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@code -device} or {@code device_add} for a PCI device, as the user wrote it.
 *
 * @param driver the QOM type
 * @param category what kind of device the type is
 * @param id the {@code id} option, if given
 * @param bus the {@code bus} option (a bus name), if given
 * @param addr the {@code addr} option as written ("0x3", "03.1", "3"), if given
 * @param multifunction the {@code multifunction} option
 * @param hotplug true for {@code device_add} after machine creation, false for {@code -device}
 * @param hotplugEnabled for ports: false when {@code hotplug=off} makes their bus not hotpluggable
 * @param chassisSlot for ports: their {@code chassis} and {@code slot}
 * @param expander for expander bridges: their {@code bus_nr} and {@code numa_node}
 */
public record DeviceRequest(
        String driver,
        DeviceCategory category,
        Optional<String> id,
        Optional<String> bus,
        Optional<String> addr,
        boolean multifunction,
        boolean hotplug,
        boolean hotplugEnabled,
        PciBus.ChassisSlot chassisSlot,
        Expander expander) {

    public DeviceRequest {
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bus, "bus");
        Objects.requireNonNull(addr, "addr");
        Objects.requireNonNull(expander, "expander");
    }

    /**
     * An expander bridge's own properties.
     *
     * @param busNumber {@code bus_nr}: the number of the root bus it opens (0 unless given)
     * @param numaNode {@code numa_node}: {@link #NO_NUMA_NODE} unless given
     */
    public record Expander(int busNumber, int numaNode) {
        /** QEMU's value for "no NUMA node" ({@code NUMA_NODE_UNASSIGNED}), which qom-get shows. */
        public static final int NO_NUMA_NODE = 128;

        static final Expander NONE = new Expander(0, NO_NUMA_NODE);
    }

    /** A plain request: no id, bus or addr, single function, hotplug-capable if a port. */
    public static DeviceRequest of(String driver, DeviceCategory category, boolean hotplug) {
        return new DeviceRequest(
                driver,
                category,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false,
                hotplug,
                true,
                new PciBus.ChassisSlot(0, 0),
                Expander.NONE);
    }

    public DeviceRequest withId(String value) {
        return new DeviceRequest(
                driver,
                category,
                Optional.of(value),
                bus,
                addr,
                multifunction,
                hotplug,
                hotplugEnabled,
                chassisSlot,
                expander);
    }

    public DeviceRequest onBus(String value) {
        return new DeviceRequest(
                driver,
                category,
                id,
                Optional.of(value),
                addr,
                multifunction,
                hotplug,
                hotplugEnabled,
                chassisSlot,
                expander);
    }

    public DeviceRequest at(String value) {
        return new DeviceRequest(
                driver,
                category,
                id,
                bus,
                Optional.of(value),
                multifunction,
                hotplug,
                hotplugEnabled,
                chassisSlot,
                expander);
    }

    public DeviceRequest multifunction(boolean value) {
        return new DeviceRequest(
                driver, category, id, bus, addr, value, hotplug, hotplugEnabled, chassisSlot, expander);
    }

    public DeviceRequest hotplugEnabled(boolean value) {
        return new DeviceRequest(driver, category, id, bus, addr, multifunction, hotplug, value, chassisSlot, expander);
    }

    public DeviceRequest inChassisSlot(PciBus.ChassisSlot value) {
        return new DeviceRequest(
                driver, category, id, bus, addr, multifunction, hotplug, hotplugEnabled, value, expander);
    }

    public DeviceRequest withExpander(Expander value) {
        return new DeviceRequest(
                driver, category, id, bus, addr, multifunction, hotplug, hotplugEnabled, chassisSlot, value);
    }
}
