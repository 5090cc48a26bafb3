package io.qapi.runtime.server;

import io.qapi.runtime.api.Input;
import java.util.Locale;

/**
 * What a server does with the parts of its schema marked {@code deprecated} or
 * {@code unstable}, as QEMU's {@code -compat} option sets it. Input is commands, arguments and
 * enum values a client sends; output is members of replies and events, and whole events.
 *
 * @param deprecatedInput  accept deprecated input, or reject it with QEMU's error
 * @param deprecatedOutput send deprecated output, or hide it
 * @param unstableInput    as {@code deprecatedInput}, for {@code unstable}
 * @param unstableOutput   as {@code deprecatedOutput}, for {@code unstable}
 */
public record CompatPolicy(Input deprecatedInput, Output deprecatedOutput, Input unstableInput,
                           Output unstableOutput) {

    /** QEMU's default: everything accepted and shown. */
    public static final CompatPolicy ACCEPT = new CompatPolicy(Input.ACCEPT, Output.ACCEPT, Input.ACCEPT, Output.ACCEPT);

    /** For input. */
    public enum Input { ACCEPT, REJECT }

    /** For output. */
    public enum Output { ACCEPT, HIDE }

    /**
     * Reads QEMU's syntax, e.g. {@code deprecated-input=reject,deprecated-output=hide}; what is
     * not mentioned is accepted. QEMU's {@code crash} is not offered: a library does not abort.
     */
    public static CompatPolicy parse(String spec) {
        CompatPolicy policy = ACCEPT;
        for (String item : spec.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            String[] kv = item.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("compat policy item without '=': " + item);
            }
            String value = kv[1].trim().toUpperCase(Locale.ROOT);
            policy = switch (kv[0].trim()) {
                case "deprecated-input" -> policy.with(Input.valueOf(value), policy.deprecatedOutput,
                        policy.unstableInput, policy.unstableOutput);
                case "deprecated-output" -> policy.with(policy.deprecatedInput, Output.valueOf(value),
                        policy.unstableInput, policy.unstableOutput);
                case "unstable-input" -> policy.with(policy.deprecatedInput, policy.deprecatedOutput,
                        Input.valueOf(value), policy.unstableOutput);
                case "unstable-output" -> policy.with(policy.deprecatedInput, policy.deprecatedOutput,
                        policy.unstableInput, Output.valueOf(value));
                default -> throw new IllegalArgumentException("unknown compat policy member: " + kv[0]);
            };
        }
        return policy;
    }

    private CompatPolicy with(Input di, Output dout, Input ui, Output uout) {
        return new CompatPolicy(di, dout, ui, uout);
    }

    /**
     * The error text for input with these features, or null when it is accepted. {@code kind}
     * is QEMU's word: {@code command}, {@code parameter} or {@code value}.
     */
    public String rejects(java.util.List<String> features, String kind, String name) {
        if (deprecatedInput == Input.REJECT && features.contains("deprecated")) {
            return "Deprecated " + kind + " " + name + " disabled by policy";
        }
        if (unstableInput == Input.REJECT && features.contains("unstable")) {
            return "Unstable " + kind + " " + name + " disabled by policy";
        }
        return null;
    }

    /** Whether output with these features is left out. */
    public boolean hides(java.util.List<String> features) {
        return (deprecatedOutput == Output.HIDE && features.contains("deprecated"))
                || (unstableOutput == Output.HIDE && features.contains("unstable"));
    }

    /** Whether nothing at all is rejected or hidden. */
    public boolean permissive() {
        return equals(ACCEPT);
    }
}
