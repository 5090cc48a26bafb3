package io.qapi.machine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.qapi.runtime.api.Input;
import io.qapi.runtime.api.QmpError;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code -cpu MODEL[,FEATURE...]} as QEMU 7.2 reads it. Every {@code key=value} becomes a global
 * property of the CPU type, checked when the machine creates its first CPU (QEMU's {@code can't
 * apply global} errors); the x86 target also takes {@code +feat} and {@code -feat}, a lone
 * {@code feat} as {@code feat=on}, and {@code _} for {@code -} in names, and warns when a name is
 * both given a sign and a value. Other targets take {@code key=value} only.
 *
 * @param model    the CPU model's name
 * @param globals  the {@code key=value} features, in order
 * @param signed   the {@code +feat}/{@code -feat} features (x86), by name, {@code true} for plus
 * @param warnings what QEMU prints while parsing, each a line without the program name
 */
record CpuOption(String model, Map<String, String> globals, Map<String, Boolean> signed, List<String> warnings) {

    CpuOption {
        globals = Map.copyOf(globals);
        signed = Map.copyOf(signed);
        warnings = List.copyOf(warnings);
    }

    /** Whether any feature was given. */
    boolean hasFeatures() {
        return !globals.isEmpty() || !signed.isEmpty();
    }

    static CpuOption parse(String argument, boolean x86) throws CommandLineException {
        String[] parts = argument.split(",");
        Map<String, String> globals = new LinkedHashMap<>();
        Map<String, Boolean> signed = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        boolean ambiguous = false;
        for (int i = 1; i < parts.length; i++) {
            String feature = parts[i];
            if (feature.isEmpty()) {
                continue;
            }
            if (x86 && (feature.startsWith("+") || feature.startsWith("-"))) {
                signed.put(feature.substring(1).replace('_', '-'), feature.startsWith("+"));
                continue;
            }
            int eq = feature.indexOf('=');
            if (!x86 && eq < 0) {
                throw new CommandLineException("Expected key=value format, found " + feature + ".");
            }
            String name = eq < 0 ? feature : feature.substring(0, eq);
            String value = eq < 0 ? "on" : feature.substring(eq + 1);
            if (x86) {
                name = name.replace('_', '-');
                if (signed.containsKey(name)) {
                    warnings.add("warning: Ambiguous CPU model string. Don't mix both \""
                            + (signed.get(name) ? "+" : "-") + name + "\" and \"" + name + "=" + value + "\"");
                    ambiguous = true;
                }
            }
            globals.put(name, value);
        }
        if (ambiguous) {
            warnings.add("warning: Compatibility of ambiguous CPU model strings won't be kept on future QEMU versions");
        }
        return new CpuOption(parts[0], globals, signed, warnings);
    }

    /**
     * QEMU's error for the first feature the CPU type {@code cpuType} refuses when its first CPU
     * is created, given the type's properties ({@code qom-list-properties}): the globals first
     * (they are set as the CPU is made), then the signed features (applied as it is realized).
     */
    Optional<String> refusal(String cpuType, JsonNode properties) {
        Map<String, String> types = new LinkedHashMap<>();
        properties.forEach(
                p -> types.put(p.path("name").asText(), p.path("type").asText()));
        for (Map.Entry<String, String> global : globals.entrySet()) {
            String name = global.getKey();
            String value = global.getValue();
            String prefix = "can't apply global " + cpuType + "." + name + "=" + value + ": ";
            String type = types.get(name);
            if (type == null) {
                return Optional.of(prefix + notFound(cpuType, name));
            }
            Optional<String> problem = valueProblem(name, type, value);
            if (problem.isPresent()) {
                return Optional.of(prefix + problem.get());
            }
        }
        for (String name : signed.keySet()) {
            if (!"bool".equals(types.get(name))) {
                return Optional.of(notFound(cpuType, name));
            }
        }
        return Optional.empty();
    }

    private static String notFound(String cpuType, String name) {
        return "Property '" + cpuType + "." + name + "' not found";
    }

    /**
     * What QEMU's string input visitor says of {@code value} for a property of QOM type
     * {@code type}: booleans take QEMU's on/off words; integers must parse as a 64-bit number and
     * fit the property's width. A custom-range property ({@code int}, e.g. {@code family}) is only
     * parsed: its bounds are the CPU's own code and are not captured.
     */
    static Optional<String> valueProblem(String name, String type, String value) {
        String parameter = "Parameter '" + name + "' ";
        switch (type) {
            case "bool" -> {
                try {
                    Input.KEYVAL.bool(TextNode.valueOf(value), name);
                    return Optional.empty();
                } catch (QmpError e) {
                    return Optional.of(e.desc());
                }
            }
            case "int", "int64", "int32", "int16", "int8" -> {
                BigInteger number = OptsFields.integer(value)
                        .filter(n -> n.bitLength() < 64)
                        .orElse(null);
                if (number == null) {
                    return Optional.of(parameter + "expects int64");
                }
                int bits = type.equals("int") ? 64 : Integer.parseInt(type.substring(3));
                return number.bitLength() < bits ? Optional.empty() : Optional.of(parameter + "expects " + type + "_t");
            }
            case "uint64", "uint32", "uint16", "uint8" -> {
                // QEMU reads unsigned numbers with strtoull, which takes "-1" as its two's complement
                BigInteger number = OptsFields.integer(value)
                        .filter(n -> n.bitLength() <= 64 || (n.signum() < 0 && n.bitLength() < 64))
                        .map(n -> n.signum() < 0 ? n.add(BigInteger.ONE.shiftLeft(64)) : n)
                        .orElse(null);
                if (number == null) {
                    return Optional.of(parameter + "expects uint64");
                }
                int bits = Integer.parseInt(type.substring(4));
                return number.bitLength() <= bits
                        ? Optional.empty()
                        : Optional.of(parameter + "expects " + type + "_t");
            }
            case "string", "str" -> {
                return Optional.empty();
            }
            default -> {
                return Optional.of(parameter + "of type " + type + " is not modeled by " + QemuModel.PROGRAM);
            }
        }
    }
}
