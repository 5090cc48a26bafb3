package io.qapi.machine.cli;

import io.qapi.machine.board.HardwareArgv;
import io.qapi.machine.board.HardwareConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code -readconfig FILE}: the sections of a QEMU configuration file become the options they
 * stand for, where the option was given: {@code [machine]} a {@code -machine TYPE,NAME=VALUE...},
 * each {@code [device "ID"]} a {@code -device DRIVER,id=ID,NAME=VALUE...}, {@code [smp-opts]}
 * an {@code -smp}, {@code [memory]} an {@code -m}, each {@code [object "ID"]} and
 * {@code [chardev "ID"]} an {@code -object} and a {@code -chardev}, each {@code [numa]} a
 * {@code -numa}. Other sections
 * ({@code [drive]}, ...) are refused as not modeled.
 */
final class ConfigOption {
    private ConfigOption() {
    }

    static CommandLine expand(CommandLine commandLine) throws CommandLineException {
        List<String> args = new ArrayList<>();
        for (CommandLine.Option option : commandLine.options()) {
            if (option.name().equals("readconfig")) {
                args.addAll(options(option.argument()));
            } else {
                args.addAll(CommandLine.words(option));
            }
        }
        return CommandLine.parse(args);
    }

    private static List<String> options(String file) throws CommandLineException {
        List<HardwareConfig.Section> sections;
        try {
            sections = HardwareConfig.parse(file, Files.readString(Path.of(file)));
        } catch (IOException e) {
            throw new CommandLineException("-readconfig " + file + ": Cannot read config file: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CommandLineException(e.getMessage());
        }
        List<String> args = new ArrayList<>();
        for (HardwareConfig.Section section : sections) {
            StringBuilder value = new StringBuilder();
            switch (section.group()) {
                case "machine" -> {
                    args.add("-machine");
                    for (Map.Entry<String, String> entry : section.entries()) {
                        if (entry.getKey().equals("type")) {
                            value.insert(0, HardwareArgv.escape(entry.getValue()));
                        } else {
                            value.append(',').append(entry.getKey()).append('=').append(HardwareArgv.escape(entry.getValue()));
                        }
                    }
                }
                case "device" -> {
                    args.add("-device");
                    String driver = section.entries().stream().filter(e -> e.getKey().equals("driver"))
                            .map(Map.Entry::getValue).findFirst().orElse("");
                    value.append("driver=").append(HardwareArgv.escape(driver));
                    if (section.id() != null) {
                        value.append(",id=").append(HardwareArgv.escape(section.id()));
                    }
                    for (Map.Entry<String, String> entry : section.entries()) {
                        if (!entry.getKey().equals("driver")) {
                            value.append(',').append(entry.getKey()).append('=').append(HardwareArgv.escape(entry.getValue()));
                        }
                    }
                }
                case "smp-opts", "memory" -> {
                    args.add(section.group().equals("memory") ? "-m" : "-smp");
                    for (Map.Entry<String, String> entry : section.entries()) {
                        value.append(value.length() == 0 ? "" : ",").append(entry.getKey()).append('=')
                                .append(HardwareArgv.escape(entry.getValue()));
                    }
                }
                case "numa" -> {
                    // the type (node, dist, cpu) leads, as on the command line; of an entry
                    // repeated, QEMU 7.2 keeps the last
                    args.add("-numa");
                    Map<String, String> last = new LinkedHashMap<>();
                    section.entries().forEach(e -> last.put(e.getKey(), e.getValue()));
                    value.append(last.getOrDefault("type", ""));
                    for (Map.Entry<String, String> entry : last.entrySet()) {
                        if (!entry.getKey().equals("type")) {
                            value.append(',').append(entry.getKey()).append('=')
                                    .append(HardwareArgv.escape(entry.getValue()));
                        }
                    }
                }
                case "chardev", "object" -> {
                    // the section's id and its type entry (backend=, qom-type=) lead the option
                    boolean chardev = section.group().equals("chardev");
                    args.add("-" + section.group());
                    String kind = chardev ? "backend" : "qom-type";
                    value.append(kind).append('=').append(HardwareArgv.escape(section.entries().stream()
                            .filter(e -> e.getKey().equals(kind)).map(Map.Entry::getValue).findFirst().orElse("")));
                    if (section.id() != null) {
                        value.append(",id=").append(HardwareArgv.escape(section.id()));
                    }
                    for (Map.Entry<String, String> entry : section.entries()) {
                        if (!entry.getKey().equals(kind)) {
                            value.append(',').append(entry.getKey()).append('=')
                                    .append(HardwareArgv.escape(entry.getValue()));
                        }
                    }
                }
                default -> throw new CommandLineException("-readconfig " + file + ": [" + section.group()
                        + "] sections are not modeled by " + QemuModel.PROGRAM);
            }
            args.add(value.toString());
        }
        return args;
    }
}
