package io.qapi.machine.topology;

import java.util.HashMap;
import java.util.Map;

/** Test helper: the value of {@code -smp} as written on a command line, into {@link SmpOptions}. */
final class SmpText {
    private SmpText() {}

    static SmpOptions parse(String text) {
        Map<String, Long> values = new HashMap<>();
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            // a bare leading number is the implied "cpus" key, as in QEMU's keyval syntax
            values.put(eq < 0 ? "cpus" : part.substring(0, eq), Long.parseLong(eq < 0 ? part : part.substring(eq + 1)));
        }
        return SmpOptions.ofLongs(
                values.get("cpus"),
                values.get("maxcpus"),
                values.get("sockets"),
                values.get("dies"),
                values.get("clusters"),
                values.get("cores"),
                values.get("threads"));
    }

    /** The -smp value of a command line, or "" when there is none. */
    static String of(String cmdline) {
        String[] words = cmdline.split(" ");
        for (int i = 0; i + 1 < words.length; i++) {
            if (words[i].equals("-smp")) {
                return words[i + 1];
            }
        }
        return "";
    }
}
