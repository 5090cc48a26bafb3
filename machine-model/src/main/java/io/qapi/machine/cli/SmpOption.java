package io.qapi.machine.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.topology.SmpOptions;
import io.qapi.runtime.api.Input;
import io.qapi.runtime.api.QmpError;
import io.qapi.runtime.keyval.Keyval;
import io.qapi.schema.machine.SMPConfiguration;

/**
 * {@code -smp [cpus=]N[,maxcpus=N][,sockets=N][,dies=N][,clusters=N][,cores=N][,threads=N]}, read
 * as QEMU 7.2 reads it: into the machine's {@code smp} property, an {@code SMPConfiguration},
 * with the keyval visitor (hence the {@code smp.} in its messages, and 64-bit integers in any
 * notation keyval takes). The counts are checked against the machine type later, by the
 * topology rules.
 */
final class SmpOption {
    private SmpOption() {}

    static SmpOptions parse(String argument) throws CommandLineException {
        try {
            ObjectNode tree = Keyval.parse(argument, "cpus");
            SMPConfiguration smp = SMPConfiguration.DECODER.decode(Input.KEYVAL, tree, "smp");
            return SmpOptions.ofLongs(
                    smp.cpus().orElse(null),
                    smp.maxcpus().orElse(null),
                    smp.sockets().orElse(null),
                    smp.dies().orElse(null),
                    smp.clusters().orElse(null),
                    smp.cores().orElse(null),
                    smp.threads().orElse(null));
        } catch (QmpError e) {
            throw new CommandLineException(
                    e.desc().startsWith("Parameter ") ? e.desc() : "-smp " + argument + ": " + e.desc());
        }
    }
}
