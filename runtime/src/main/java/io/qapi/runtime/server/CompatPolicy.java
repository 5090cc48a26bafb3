package io.qapi.runtime.server;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a server does with the parts of its schema marked {@code deprecated} or
 * {@code unstable}, as QEMU's {@code -compat} option sets it. Input is commands, arguments and
 * enum values a client sends; output is members of replies and events, and whole events.
 *
 * @param deprecatedInput  accept deprecated input, reject it with QEMU's error, or crash (see
 *                         {@link CompatCrashHandler})
 * @param deprecatedOutput send deprecated output, or hide it
 * @param unstableInput    as {@code deprecatedInput}, for {@code unstable}
 * @param unstableOutput   as {@code deprecatedOutput}, for {@code unstable}
 */
public record CompatPolicy(Input deprecatedInput, Output deprecatedOutput, Input unstableInput, Output unstableOutput) {

    /** QEMU's default: everything accepted and shown. */
    public static final CompatPolicy ACCEPT =
            new CompatPolicy(Input.ACCEPT, Output.ACCEPT, Input.ACCEPT, Output.ACCEPT);

    /** For input. */
    public enum Input {
        ACCEPT,
        REJECT,
        CRASH
    }

    /** For output. */
    public enum Output {
        ACCEPT,
        HIDE
    }

    public CompatPolicy {
        Objects.requireNonNull(deprecatedInput, "deprecatedInput");
        Objects.requireNonNull(deprecatedOutput, "deprecatedOutput");
        Objects.requireNonNull(unstableInput, "unstableInput");
        Objects.requireNonNull(unstableOutput, "unstableOutput");
    }

    /**
     * Reads QEMU's syntax, e.g. {@code deprecated-input=reject,deprecated-output=hide}; what is
     * not mentioned is accepted. A bad member or value is refused with QEMU's message
     * ({@code Parameter 'deprecated-input' does not accept value 'drop'}).
     */
    public static CompatPolicy parse(String spec) {
        CompatPolicy policy = ACCEPT;
        for (String item : spec.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            String[] kv = item.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("Expected '=' after parameter '" + item + "'");
            }
            String key = kv[0];
            String value = kv[1];
            policy = switch (key) {
                case "deprecated-input" ->
                    new CompatPolicy(
                            value(Input.class, key, value),
                            policy.deprecatedOutput,
                            policy.unstableInput,
                            policy.unstableOutput);
                case "deprecated-output" ->
                    new CompatPolicy(
                            policy.deprecatedInput,
                            value(Output.class, key, value),
                            policy.unstableInput,
                            policy.unstableOutput);
                case "unstable-input" ->
                    new CompatPolicy(
                            policy.deprecatedInput,
                            policy.deprecatedOutput,
                            value(Input.class, key, value),
                            policy.unstableOutput);
                case "unstable-output" ->
                    new CompatPolicy(
                            policy.deprecatedInput,
                            policy.deprecatedOutput,
                            policy.unstableInput,
                            value(Output.class, key, value));
                default -> throw new IllegalArgumentException("Parameter '" + key + "' is unexpected");
            };
        }
        return policy;
    }

    /** A value of QEMU's enum, lower case on the command line. */
    private static <E extends Enum<E>> E value(Class<E> type, String key, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("Parameter '" + key + "' does not accept value '" + value + "'");
    }

    /**
     * The error text for input with these features, or null when it is accepted. {@code kind}
     * is QEMU's word: {@code command}, {@code parameter} or {@code value}. Deprecation is looked
     * at before instability, as QEMU does.
     *
     * @throws CompatCrash when the input meets a {@code crash} policy first
     */
    public String rejects(List<String> features, String kind, String name) {
        if (features.contains("deprecated")) {
            String verdict = verdict(deprecatedInput, "Deprecated", "deprecated-input", kind, name);
            if (verdict != null) {
                return verdict;
            }
        }
        if (features.contains("unstable")) {
            return verdict(unstableInput, "Unstable", "unstable-input", kind, name);
        }
        return null;
    }

    private static String verdict(Input policy, String adjective, String option, String kind, String name) {
        return switch (policy) {
            case ACCEPT -> null;
            case REJECT -> adjective + " " + kind + " " + name + " disabled by policy";
            case CRASH ->
                throw new CompatCrash(adjective + " " + kind + " " + name + " is used under " + option + "=crash");
        };
    }

    /** Whether output with these features is left out. */
    public boolean hides(List<String> features) {
        return (deprecatedOutput == Output.HIDE && features.contains("deprecated"))
                || (unstableOutput == Output.HIDE && features.contains("unstable"));
    }

    /** Whether nothing at all is rejected, hidden or crashed on. */
    public boolean permissive() {
        return equals(ACCEPT);
    }

    /**
     * Input met a {@code crash} policy: the server hands it to its {@link CompatCrashHandler}
     * and ends the session.
     */
    public static final class CompatCrash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CompatCrash(String message) {
            super(message, null, false, false);
        }
    }
}
