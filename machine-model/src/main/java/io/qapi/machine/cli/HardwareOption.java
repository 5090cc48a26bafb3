package io.qapi.machine.cli;

import io.qapi.machine.board.HardwareArgv;
import io.qapi.runtime.api.Input;
import io.qapi.runtime.api.QmpError;
import io.qapi.schema.hardware.BusDescription;
import io.qapi.schema.hardware.DeviceDescription;
import io.qapi.schema.hardware.HardwareDescription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code -hardware FILE}: a precise description ({@code query-hardware}'s reply, or a file edited
 * from one) stands for the options that build the machine: it is read strictly, as a QMP
 * argument would be, and replaced by its QEMU command line ({@link HardwareArgv}); the other
 * options (the monitor, {@code -S}, {@code -smp}, ...) are kept. The options the description
 * replaces cannot be given beside it.
 */
final class HardwareOption {
    private static final Pattern ANONYMOUS = Pattern.compile("/machine/peripheral-anon/device\\[(\\d+)]");
    private static final Set<String> REPLACED = Set.of("machine", "M", "device", "nodefaults", "hardware");

    private HardwareOption() {}

    /**
     * The command line the description stands for, and the numbers its anonymous devices had
     * ({@code /machine/peripheral-anon/device[N]}), in the order they are added: QEMU numbers
     * a device refused after it was named too, so a machine's numbers may have gaps that adding
     * the same devices again would close.
     */
    record Expanded(CommandLine commandLine, List<Integer> anonymousNumbers) {}

    static Expanded expand(CommandLine commandLine) throws CommandLineException {
        List<String> files = commandLine.all("hardware");
        if (files.size() > 1) {
            throw new CommandLineException(
                    "-hardware: one description describes the whole machine; " + files.size() + " were given");
        }
        String file = files.get(0);
        HardwareDescription hardware;
        try {
            hardware = HardwareDescription.DECODER.decode(
                    Input.STRICT,
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(Path.of(file))),
                    "");
        } catch (IOException e) {
            throw new CommandLineException("-hardware " + file + ": " + e.getMessage());
        } catch (QmpError e) {
            throw new CommandLineException("-hardware " + file + ": " + e.desc());
        }
        Set<String> replaced = new HashSet<>(REPLACED);
        hardware.smp().ifPresent(smp -> replaced.add("smp"));
        hardware.memory().ifPresent(memory -> replaced.add("m"));
        hardware.numa().ifPresent(numa -> replaced.add("numa"));
        hardware.backends().ifPresent(backends -> replaced.addAll(List.of("object", "chardev", "blockdev", "netdev")));
        for (CommandLine.Option option : commandLine.options()) {
            if (!option.name().equals("hardware") && replaced.contains(option.name())) {
                throw new CommandLineException("-hardware " + file + ": the description gives the machine, its "
                        + "devices and back ends; -" + option.name() + " cannot be given beside it");
            }
        }
        List<String> args = new ArrayList<>(HardwareArgv.argv(hardware));
        for (CommandLine.Option option : commandLine.options()) {
            if (!option.name().equals("hardware")) {
                args.addAll(CommandLine.words(option));
            }
        }
        List<Integer> numbers = new ArrayList<>();
        anonymousNumbers(hardware.root(), numbers);
        return new Expanded(CommandLine.parse(args), numbers);
    }

    private static void anonymousNumbers(BusDescription bus, List<Integer> numbers) {
        for (DeviceDescription device : bus.devices()) {
            if (!device.implicit() && device.id().isEmpty()) {
                Matcher n = ANONYMOUS.matcher(device.path());
                if (n.matches()) {
                    numbers.add(Integer.parseInt(n.group(1)));
                }
            }
            device.buses().forEach(child -> anonymousNumbers(child, numbers));
        }
    }
}
