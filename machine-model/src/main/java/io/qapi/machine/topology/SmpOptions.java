package io.qapi.machine.topology;

import java.util.OptionalInt;

/**
 * The {@code -smp} option or QMP {@code SMPConfiguration} as given: every member optional.
 * An explicit zero is kept as given; QEMU 7.2 treats it like an omitted value (with a deprecation
 * warning), and so does {@link SmpRules}.
 */
public record SmpOptions(OptionalInt cpus, OptionalInt maxcpus, OptionalInt sockets,
        OptionalInt dies, OptionalInt clusters, OptionalInt cores, OptionalInt threads) {

    /** No member given: QEMU's default of one CPU. */
    public static final SmpOptions NONE = new SmpOptions(OptionalInt.empty(), OptionalInt.empty(),
            OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(),
            OptionalInt.empty());

    /** Rejects negative counts, which neither {@code -smp} nor QMP can express. */
    public SmpOptions {
        requireNotNegative("cpus", cpus);
        requireNotNegative("maxcpus", maxcpus);
        requireNotNegative("sockets", sockets);
        requireNotNegative("dies", dies);
        requireNotNegative("clusters", clusters);
        requireNotNegative("cores", cores);
        requireNotNegative("threads", threads);
    }

    /** Builds options from nullable values, {@code null} meaning omitted. */
    public static SmpOptions of(Integer cpus, Integer maxcpus, Integer sockets, Integer dies,
            Integer clusters, Integer cores, Integer threads) {
        return new SmpOptions(opt(cpus), opt(maxcpus), opt(sockets), opt(dies), opt(clusters),
                opt(cores), opt(threads));
    }

    private static OptionalInt opt(Integer value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }

    private static void requireNotNegative(String name, OptionalInt value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must be given or empty, not null");
        }
        if (value.isPresent() && value.getAsInt() < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value.getAsInt());
        }
    }
}
