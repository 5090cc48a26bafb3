package io.qapi.machine.isa;

import io.qapi.machine.qom.OptionNumbers;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * QEMU 7.2's rules for the ISA devices the model adds, as measured on the binary: which
 * properties each type has that the model follows, how their values are read, and the defaults
 * a device takes for what is not given.
 */
public final class IsaRules {
    /** The serial port's type. */
    public static final String SERIAL = "isa-serial";
    /** The floppy controller's type. */
    public static final String FLOPPY_CONTROLLER = "isa-fdc";
    /** The ISA device types the model adds. */
    public static final Set<String> MODELED = Set.of(SERIAL, FLOPPY_CONTROLLER);

    /** The options that place a device rather than set one of its properties. */
    static final Set<String> PLACEMENT = Set.of("driver", "id", "bus");

    /**
     * The properties the model keeps and answers {@code qom-get} with, per type. The others a
     * type has (a serial port's {@code baudbase}, a controller's drive types) change what the
     * guest sees and are refused as not modeled.
     */
    private static final Map<String, Set<String>> KEPT = Map.of(
            SERIAL, Set.of("index", "iobase", "irq", "chardev"),
            FLOPPY_CONTROLLER, Set.of("iobase", "irq", "dma"));

    /** The serial ports QEMU numbers: at most four, each index with its I/O base and interrupt line. */
    static final int SERIAL_PORTS = 4;

    private static final List<Long> SERIAL_IOBASE = List.of(0x3f8L, 0x2f8L, 0x3e8L, 0x2e8L);
    private static final List<Long> SERIAL_IRQ = List.of(4L, 3L, 4L, 3L);

    /** A floppy controller's I/O base, interrupt line and DMA channel when not given. */
    static final Map<String, Long> FLOPPY_CONTROLLER_DEFAULTS = Map.of("iobase", 0x3f0L, "irq", 6L, "dma", 2L);

    private static final BigInteger UINT32_MAX = BigInteger.valueOf(0xffffffffL);

    private IsaRules() {}

    /** Whether the model follows property {@code name} of {@code type}. */
    static boolean kept(String type, String name) {
        return KEPT.getOrDefault(type, Set.of()).contains(name);
    }

    /** The I/O base of serial port {@code index} (0 to 3). */
    static long serialIobase(long index) {
        return SERIAL_IOBASE.get((int) index);
    }

    /** The interrupt line of serial port {@code index} (0 to 3). */
    static long serialIrq(long index) {
        return SERIAL_IRQ.get((int) index);
    }

    /**
     * A {@code uint32} property's value as QEMU reads it from an option: decimal, {@code 0x}
     * hexadecimal or {@code 0} octal; a negative or larger number does not fit.
     */
    static long uint32(String name, String text) throws IsaException {
        BigInteger value = OptionNumbers.parse(text.strip())
                .orElseThrow(() -> new IsaException("Parameter '" + name + "' expects integer"));
        if (value.signum() < 0 || value.compareTo(UINT32_MAX) > 0) {
            throw new IsaException("Parameter '" + name + "' expects uint32_t");
        }
        return value.longValueExact();
    }
}
