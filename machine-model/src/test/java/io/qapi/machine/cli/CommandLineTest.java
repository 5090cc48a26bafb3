package io.qapi.machine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** QEMU's command-line splitting; every expected message was printed by qemu-system-x86_64 7.2. */
class CommandLineTest {
    private static String error(String... args) {
        return assertThrows(CommandLineException.class, () -> Launch.from(CommandLine.parse(List.of(args))))
                .getMessage();
    }

    @Test
    void optionsKeepTheirOrderAndTheLastOneCounts() throws CommandLineException {
        CommandLine line = CommandLine.parse(List.of("-M", "q35", "--preconfig", "-m", "1G", "-m", "2G", "-S"));
        assertTrue(line.has("preconfig"));
        assertEquals(Optional.of("2G"), line.last("m"));
        assertEquals(List.of("1G", "2G"), line.all("m"));
    }

    @Test
    void anOptionTakesTheNextWordWhateverItLooksLike() throws CommandLineException {
        assertEquals(Optional.of("-S"), CommandLine.parse(List.of("-m", "-S")).last("m"));
    }

    @Test
    void unknownAndIncompleteOptionsGetQemusMessages() {
        assertEquals("-foo: invalid option", error("-foo"));
        assertEquals("-nosuchopt: invalid option", error("-nosuchopt", "x"));
        assertEquals("-m: requires an argument", error("-m"));
        assertEquals("-name: requires an argument", error("-name"));
    }

    @Test
    void memorySizesAreReadAsQemuReadsThem() throws CommandLineException {
        assertEquals(256L << 20, MemoryOption.parse("256").bytes());
        assertEquals(1L << 30, MemoryOption.parse("1G").bytes());
        assertEquals(1L << 30, MemoryOption.parse("size=1024M").bytes());
        assertEquals(0, MemoryOption.parse("0").bytes(), "0 asks for the machine type's default");
        assertEquals(
                "-m 1x: Parameter 'size' expects a non-negative number below 2^64\n"
                        + "Optional suffix k, M, G, T, P or E means kilo-, mega-, giga-, tera-, peta-\n"
                        + "and exabytes, respectively.",
                error("-m", "1x"));
        assertEquals(
                "-m -S: Parameter 'size' expects a non-negative number below 2^64\n"
                        + "Optional suffix k, M, G, T, P or E means kilo-, mega-, giga-, tera-, peta-\n"
                        + "and exabytes, respectively.",
                error("-m", "-S"));
    }

    @Test
    void nameAndUuid() throws CommandLineException {
        assertEquals("-uuid xyz: failed to parse UUID string: wrong format", error("-uuid", "xyz"));
        var identity = IdentityOptions.from(CommandLine.parse(
                List.of("-name", "foo,debug-threads=on", "-uuid", "12345678-1234-1234-1234-123456789ABC")));
        assertEquals(Optional.of("foo"), identity.name());
        assertEquals("12345678-1234-1234-1234-123456789abc", identity.uuid());
    }

    @Test
    void machineOptionsMergeAndConflictWithAccel() throws CommandLineException {
        MachineOption merged = MachineOption.merge(List.of("q35", "pc,usb=on"));
        assertEquals(Optional.of("pc"), merged.type());
        assertEquals("on", merged.properties().get("usb"));
        assertEquals(
                "The -accel and \"-machine accel=\" options are incompatible",
                error("-machine", "none,accel=kvm:tcg", "-accel", "tcg"));
        assertEquals("-machine ,usb=on: Invalid parameter ''", error("-machine", ",usb=on"));
        assertEquals("-machine pc,usb: Expected '=' after parameter 'usb'", error("-machine", "pc,usb"));
        assertTrue(MachineOption.merge(List.of("help")).help());
    }

    @Test
    void monitorEndpoints() {
        assertEquals("-qmp foo:bar: 'foo:bar' is not a valid char driver", error("-qmp", "foo:bar"));
    }
}
