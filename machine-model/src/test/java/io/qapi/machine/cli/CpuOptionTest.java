package io.qapi.machine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qapi.machine.pack.MachinePack;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code -cpu MODEL,features}; every expected message was printed by the QEMU 7.2 binaries. */
class CpuOptionTest {
    private static final MachinePack X86 = MachinePack.builtin("x86_64-7.2");
    private static final MachinePack ARM = MachinePack.builtin("aarch64-7.2");

    private static Optional<String> refusal(MachinePack pack, String argument) throws CommandLineException {
        CpuOption option = CpuOption.parse(argument, pack == X86);
        String type = pack.cpuTypename(option.model()).orElseThrow();
        return option.refusal(type, pack.types().qomListProperties(type).orElseThrow());
    }

    @Test
    void x86TakesSignsLoneNamesAndUnderscores() throws CommandLineException {
        CpuOption option = CpuOption.parse("qemu64,+avx2,-sse4_2,vmware-cpuid-freq,level=13", true);
        assertEquals("qemu64", option.model());
        assertEquals(Map.of("avx2", true, "sse4-2", false), option.signed());
        assertEquals(Map.of("vmware-cpuid-freq", "on", "level", "13"), option.globals());
        assertEquals(List.of(), option.warnings());
        assertEquals(Optional.empty(), refusal(X86, "qemu64,+avx2,-sse4_2,vmware-cpuid-freq,level=13,model-id=x"));
    }

    @Test
    void aSignAndAValueForOneNameAreWarnedAbout() throws CommandLineException {
        assertEquals(
                List.of(
                        "warning: Ambiguous CPU model string. Don't mix both \"+avx2\" and \"avx2=off\"",
                        "warning: Ambiguous CPU model string. Don't mix both \"-pmu\" and \"pmu=on\"",
                        "warning: Compatibility of ambiguous CPU model strings won't be kept on future QEMU versions"),
                CpuOption.parse("qemu64,+avx2,avx2=off,-pmu,pmu=on", true).warnings());
    }

    @Test
    void refusedFeaturesGetQemusMessages() throws CommandLineException {
        assertEquals(
                Optional.of("can't apply global qemu64-x86_64-cpu.bogus=on: "
                        + "Property 'qemu64-x86_64-cpu.bogus' not found"),
                refusal(X86, "qemu64,bogus=on"));
        assertEquals(Optional.of("Property 'qemu64-x86_64-cpu.foo' not found"), refusal(X86, "qemu64,-sse2,+foo"));
        assertEquals(
                Optional.of(
                        "can't apply global qemu64-x86_64-cpu.avx2=maybe: " + "Parameter 'avx2' expects 'on' or 'off'"),
                refusal(X86, "qemu64,avx2=maybe"));
        assertEquals(
                Optional.of("can't apply global qemu64-x86_64-cpu.family=x: Parameter 'family' expects int64"),
                refusal(X86, "qemu64,family=x"));
        assertEquals(
                Optional.of("can't apply global qemu64-x86_64-cpu.level=x: Parameter 'level' expects uint64"),
                refusal(X86, "qemu64,level=x"));
        assertEquals(
                Optional.of("can't apply global qemu64-x86_64-cpu.level=-1: Parameter 'level' expects uint32_t"),
                refusal(X86, "qemu64,level=-1"));
        assertEquals(
                Optional.of("can't apply global qemu64-x86_64-cpu.level=99999999999: "
                        + "Parameter 'level' expects uint32_t"),
                refusal(X86, "qemu64,level=99999999999"));
        assertEquals(
                Optional.of("can't apply global qemu64-x86_64-cpu.tsc-frequency=x: "
                        + "Parameter 'tsc-frequency' expects int64"),
                refusal(X86, "qemu64,tsc-frequency=x"));
        assertEquals(
                Optional.of("can't apply global qemu64-x86_64-cpu.filter-features=1: "
                        + "Property 'qemu64-x86_64-cpu.filter-features' not found"),
                refusal(X86, "qemu64,filter-features=1"));
        // the globals are set as the CPU is made, the signed features only as it is realized
        assertTrue(refusal(X86, "qemu64,+foo,bogus=on").orElseThrow().startsWith("can't apply global"));
    }

    @Test
    void armTakesKeyValueOnly() throws CommandLineException {
        assertEquals(
                "Expected key=value format, found +pmu.",
                assertThrows(CommandLineException.class, () -> CpuOption.parse("cortex-a57,+pmu", false))
                        .getMessage());
        assertEquals(
                Optional.of("can't apply global cortex-a57-arm-cpu.foo=on: "
                        + "Property 'cortex-a57-arm-cpu.foo' not found"),
                refusal(ARM, "cortex-a57,foo=on"));
        assertEquals(
                Optional.of("can't apply global cortex-a57-arm-cpu.pmu=x: Parameter 'pmu' expects 'on' or 'off'"),
                refusal(ARM, "cortex-a57,pmu=x"));
        assertEquals(Optional.empty(), refusal(ARM, "cortex-a57,pmu=off"));
    }
}
