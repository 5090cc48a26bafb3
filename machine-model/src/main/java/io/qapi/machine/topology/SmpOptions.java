package io.qapi.machine.topology;

import java.util.OptionalLong;

/**
 * The {@code -smp} option or QMP {@code SMPConfiguration} as given: every member optional, each a
 * 64-bit integer as QEMU reads it (negative and huge values included: {@link SmpRules} keeps their
 * low 32 bits, as QEMU does). An explicit zero is kept as given; QEMU 7.2 treats it like an
 * omitted value (with a deprecation warning), and so does {@link SmpRules}.
 */
public record SmpOptions(
        OptionalLong cpus,
        OptionalLong maxcpus,
        OptionalLong sockets,
        OptionalLong dies,
        OptionalLong clusters,
        OptionalLong cores,
        OptionalLong threads) {

    /** No member given: QEMU's default of one CPU. */
    public static final SmpOptions NONE = new SmpOptions(
            OptionalLong.empty(),
            OptionalLong.empty(),
            OptionalLong.empty(),
            OptionalLong.empty(),
            OptionalLong.empty(),
            OptionalLong.empty(),
            OptionalLong.empty());

    /** Builds options from nullable values, {@code null} meaning omitted. */
    public static SmpOptions of(
            Integer cpus,
            Integer maxcpus,
            Integer sockets,
            Integer dies,
            Integer clusters,
            Integer cores,
            Integer threads) {
        return new SmpOptions(
                opt(cpus), opt(maxcpus), opt(sockets), opt(dies), opt(clusters), opt(cores), opt(threads));
    }

    /** Builds options from nullable 64-bit values, {@code null} meaning omitted. */
    public static SmpOptions ofLongs(
            Long cpus, Long maxcpus, Long sockets, Long dies, Long clusters, Long cores, Long threads) {
        return new SmpOptions(
                opt(cpus), opt(maxcpus), opt(sockets), opt(dies), opt(clusters), opt(cores), opt(threads));
    }

    private static OptionalLong opt(Integer value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    private static OptionalLong opt(Long value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
