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
    private ConfigOption() {}

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
                    value.append(HardwareArgv.escape(entry(section.entries(), "type")));
                    appendEntries(value, section.entries(), "type");
                }
                case "device", "chardev", "object", "netdev" -> {
                    // the type entry (driver=, backend=, qom-type=, type=) and the section's id lead the option
                    args.add("-" + section.group());
                    String kind = switch (section.group()) {
                        case "device" -> "driver";
                        case "chardev" -> "backend";
                        case "netdev" -> "type";
                        default -> "qom-type";
                    };
                    value.append(kind).append('=').append(HardwareArgv.escape(entry(section.entries(), kind)));
                    if (section.id() != null) {
                        value.append(",id=").append(HardwareArgv.escape(section.id()));
                    }
                    appendEntries(value, section.entries(), kind);
                }
                case "smp-opts", "memory" -> {
                    args.add(section.group().equals("memory") ? "-m" : "-smp");
                    appendEntries(value, section.entries(), null);
                    if (value.length() > 0) {
                        value.deleteCharAt(0); // no type leads: the first entry does
                    }
                }
                case "numa" -> {
                    // the type (node, dist, cpu) leads, as on the command line; of an entry
                    // repeated, QEMU 7.2 keeps the last
                    args.add("-numa");
                    Map<String, String> last = new LinkedHashMap<>();
                    section.entries().forEach(e -> last.put(e.getKey(), e.getValue()));
                    value.append(last.getOrDefault("type", ""));
                    appendEntries(value, last.entrySet(), "type");
                }
                default ->
                    throw new CommandLineException("-readconfig " + file + ": [" + section.group()
                            + "] sections are not modeled by " + QemuModel.PROGRAM);
            }
            args.add(value.toString());
        }
        return args;
    }

    /** The value of a section's first entry of that name ("" when it has none). */
    private static String entry(List<Map.Entry<String, String>> entries, String name) {
        return entries.stream()
                .filter(e -> e.getKey().equals(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("");
    }

    /** Appends {@code ,NAME=VALUE} for each entry but {@code skip}'s, values escaped. */
    private static void appendEntries(StringBuilder value, Iterable<Map.Entry<String, String>> entries, String skip) {
        for (Map.Entry<String, String> entry : entries) {
            if (!entry.getKey().equals(skip)) {
                value.append(',').append(entry.getKey()).append('=').append(HardwareArgv.escape(entry.getValue()));
            }
        }
    }
}
