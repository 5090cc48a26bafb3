package io.qapi.machine.pack;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The classes of default devices that QEMU 7.2 leaves out of a board, without {@code -nodefaults},
 * when the command line brings a device of the class itself ({@code -device isa-serial}: no
 * default serial port). The pack keeps, per machine type, the board with each combination of
 * classes left out (see {@link MachinePack#suppressionBoard}), keyed by {@link #key}.
 */
public enum DefaultDeviceClass {
    /** The default serial port ({@code serial0}). */
    SERIAL("serial"),
    /** The default parallel port ({@code parallel0}). */
    PARALLEL("parallel"),
    /** The default floppy drive. */
    FLOPPY("floppy"),
    /** The default display adapter. */
    VGA("vga");

    private final String label;

    DefaultDeviceClass(String label) {
        this.label = label;
    }

    /** The class's name in the pack's keys. */
    public String label() {
        return label;
    }

    /** The pack's key of a combination: the labels in this enum's order, joined by {@code +}. */
    public static String key(Set<DefaultDeviceClass> classes) {
        Set<DefaultDeviceClass> ordered = EnumSet.noneOf(DefaultDeviceClass.class);
        ordered.addAll(classes);
        return ordered.stream().map(DefaultDeviceClass::label).collect(Collectors.joining("+"));
    }

    /** Every combination of one class or more, each in this enum's order. */
    public static List<Set<DefaultDeviceClass>> combinations() {
        DefaultDeviceClass[] all = values();
        List<Set<DefaultDeviceClass>> combinations = new ArrayList<>();
        for (int mask = 1; mask < 1 << all.length; mask++) {
            Set<DefaultDeviceClass> combination = EnumSet.noneOf(DefaultDeviceClass.class);
            for (int bit = 0; bit < all.length; bit++) {
                if ((mask & 1 << bit) != 0) {
                    combination.add(all[bit]);
                }
            }
            combinations.add(combination);
        }
        return combinations;
    }
}
