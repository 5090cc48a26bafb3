package io.qapi.machine.board;

import io.qapi.machine.pack.DefaultDeviceClass;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which default devices a board leaves out because the command line brings its own: measured on
 * QEMU 7.2, without {@code -nodefaults} a {@code -device} of a serial port, parallel port, floppy
 * controller or drive, or display adapter driver turns off the board's default device of that
 * class ({@code -device isa-serial}: no default serial port and no {@code serial0} character
 * device; {@code -device VGA}: no default display adapter, and the default NIC takes its slot).
 * QEMU matches the driver's name exactly. The boards without them are captured (see {@link
 * io.qapi.machine.pack.MachinePack#suppressionBoard}), because leaving a device out renumbers
 * the board's later devices and moves its default NIC.
 *
 * <p>The CD-ROM class ({@code ide-cd}, {@code ide-hd}, {@code scsi-cd}, {@code scsi-hd}) is not
 * here: the model refuses those drivers as not modeled, so they never turn anything off, and
 * its boards are not captured. (The model refuses {@code isa-parallel} too, after the board is
 * built: its class is captured.)
 */
public final class DefaultDevices {
    private static final Map<String, DefaultDeviceClass> CLASS_OF_DRIVER = Map.ofEntries(
            Map.entry("isa-serial", DefaultDeviceClass.SERIAL),
            Map.entry("isa-parallel", DefaultDeviceClass.PARALLEL),
            Map.entry("isa-fdc", DefaultDeviceClass.FLOPPY),
            Map.entry("floppy", DefaultDeviceClass.FLOPPY),
            Map.entry("VGA", DefaultDeviceClass.VGA),
            Map.entry("isa-vga", DefaultDeviceClass.VGA),
            Map.entry("cirrus-vga", DefaultDeviceClass.VGA),
            Map.entry("isa-cirrus-vga", DefaultDeviceClass.VGA),
            Map.entry("vmware-svga", DefaultDeviceClass.VGA),
            Map.entry("qxl-vga", DefaultDeviceClass.VGA),
            Map.entry("virtio-vga", DefaultDeviceClass.VGA),
            Map.entry("ati-vga", DefaultDeviceClass.VGA),
            Map.entry("vhost-user-vga", DefaultDeviceClass.VGA),
            Map.entry("virtio-vga-gl", DefaultDeviceClass.VGA));

    private DefaultDevices() {}

    /** The classes of default devices that {@code -device} options of these drivers turn off. */
    public static Set<DefaultDeviceClass> turnedOffBy(Collection<String> drivers) {
        Set<DefaultDeviceClass> off = EnumSet.noneOf(DefaultDeviceClass.class);
        for (String driver : drivers) {
            DefaultDeviceClass turnedOff = CLASS_OF_DRIVER.get(driver);
            if (turnedOff != null) {
                off.add(turnedOff);
            }
        }
        return off;
    }
}
