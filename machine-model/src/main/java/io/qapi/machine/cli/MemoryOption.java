package io.qapi.machine.cli;

import java.math.BigInteger;

/**
 * {@code -m [size=]SIZE[,slots=N,maxmem=SIZE]}: the guest's memory at start. A number without a
 * suffix is in MiB; {@code 0} or no {@code -m} means the machine type's default; the size is
 * rounded up to 8 KiB, as QEMU does.
 *
 * @param bytes  the memory at start, 0 for the machine type's default
 * @param slots  memory hotplug slots
 * @param maxmem the most memory with hotplugged devices, 0 when not given
 */
record MemoryOption(long bytes, long slots, long maxmem) {
    static final MemoryOption DEFAULT = new MemoryOption(0, 0, 0);

    static MemoryOption parse(String argument) throws CommandLineException {
        long bytes = 0;
        long slots = 0;
        long maxmem = 0;
        String[] items = argument.split(",", -1);
        for (int i = 0; i < items.length; i++) {
            String item = items[i];
            int eq = item.indexOf('=');
            String key = eq < 0 && i == 0 ? "size" : eq < 0 ? item : item.substring(0, eq);
            String value = eq < 0 ? (i == 0 ? item : "on") : item.substring(eq + 1);
            switch (key) {
                case "size" -> bytes = size(argument, key, value, 1L << 20);
                case "maxmem" -> maxmem = size(argument, key, value, 1);
                case "slots" -> {
                    try {
                        slots = Long.parseUnsignedLong(value);
                    } catch (NumberFormatException e) {
                        throw new CommandLineException("-m " + argument + ": Parameter 'slots' expects a number");
                    }
                }
                default -> throw new CommandLineException("-m " + argument + ": Invalid parameter '" + key + "'");
            }
        }
        return new MemoryOption(bytes == 0 ? 0 : alignUp(bytes, 8192), slots, maxmem);
    }

    private static long size(String argument, String key, String value, long defaultUnit) throws CommandLineException {
        if (value.isEmpty() && key.equals("size")) {
            throw new CommandLineException("-m " + argument + ": missing 'size' option value");
        }
        BigInteger parsed = SizeParser.parse(value, defaultUnit);
        if (parsed == null) {
            throw new CommandLineException("-m " + argument + ": Parameter '" + key + "' " + SizeParser.HINT);
        }
        if (parsed.bitLength() > 63) {
            throw new CommandLineException("-m " + argument + ": too large '" + key + "' option value");
        }
        return parsed.longValue();
    }

    private static long alignUp(long value, long alignment) {
        return (value + alignment - 1) / alignment * alignment;
    }

    /** The memory the machine gets: this size, or the machine type's default for 0. */
    long bytesOr(long machineDefault) {
        return bytes == 0 ? machineDefault : bytes;
    }
}
