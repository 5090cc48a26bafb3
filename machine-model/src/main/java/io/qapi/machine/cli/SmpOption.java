package io.qapi.machine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.topology.SmpOptions;
import io.qapi.runtime.QmpError;
import io.qapi.runtime.keyval.Keyval;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * {@code -smp [cpus=]N[,maxcpus=N][,sockets=N][,dies=N][,clusters=N][,cores=N][,threads=N]}, read
 * as QEMU 7.2 reads it (as the machine's {@code smp} property, hence the {@code smp.} in its
 * messages); the counts are checked against the machine type later, by the topology rules.
 */
final class SmpOption {
    private static final Set<String> KEYS = Set.of("cpus", "maxcpus", "sockets", "dies", "clusters", "cores",
            "threads");

    private SmpOption() {
    }

    static SmpOptions parse(String argument) throws CommandLineException {
        ObjectNode tree;
        try {
            tree = Keyval.parse(argument, "cpus");
        } catch (QmpError e) {
            throw new CommandLineException("-smp " + argument + ": " + e.desc());
        }
        Map<String, Integer> values = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (!KEYS.contains(key)) {
                throw new CommandLineException("Parameter 'smp." + key + "' is unexpected");
            }
            try {
                long value = Long.parseLong(field.getValue().asText());
                if (value < 0 || value > Integer.MAX_VALUE) {
                    throw new NumberFormatException();
                }
                values.put(key, (int) value);
            } catch (NumberFormatException e) {
                throw new CommandLineException("Parameter 'smp." + key + "' expects integer");
            }
        }
        return SmpOptions.of(values.get("cpus"), values.get("maxcpus"), values.get("sockets"), values.get("dies"),
                values.get("clusters"), values.get("cores"), values.get("threads"));
    }
}
