package io.qapi.machine.cli;

import io.qapi.machine.server.ModelServer;
import io.qapi.machine.vm.Identity;
import io.qapi.machine.vm.VirtualMachine;
import io.qapi.runtime.transport.Endpoint;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A command line read into what the model builds and where it listens. Options are taken in
 * QEMU's order of checks, so that a command line with several mistakes gets the message QEMU
 * gives first.
 */
final class Launch {
    /** Options QEMU takes that change nothing the model shows. */
    private static final List<String> ACCEPTED_WITHOUT_EFFECT = List.of(
            "display", "nographic", "no-user-config", "nodefaults", "S", "preconfig", "accel", "enable-kvm",
            "qmp", "machine", "M", "name", "uuid", "m", "warm-up", "machine-data", "target", "print-hardware");

    private final CommandLine commandLine;
    private final Identity identity;
    private final MemoryOption memory;
    private final MachineOption machine;
    private final List<Endpoint> monitors;

    private Launch(CommandLine commandLine, Identity identity, MemoryOption memory, MachineOption machine,
            List<Endpoint> monitors) {
        this.commandLine = commandLine;
        this.identity = identity;
        this.memory = memory;
        this.machine = machine;
        this.monitors = List.copyOf(monitors);
    }

    static Launch from(CommandLine commandLine) throws CommandLineException {
        for (CommandLine.Option option : commandLine.options()) {
            if (!ACCEPTED_WITHOUT_EFFECT.contains(option.name())) {
                throw new CommandLineException("-" + option.name() + ": this option is not modeled by "
                        + QemuModel.PROGRAM);
            }
        }
        Identity identity = IdentityOptions.from(commandLine);
        MemoryOption memory = commandLine.last("m").isPresent() ? MemoryOption.parse(commandLine.last("m").get())
                : MemoryOption.DEFAULT;
        List<String> machineArguments = new ArrayList<>(commandLine.all("machine"));
        machineArguments.addAll(commandLine.all("M"));
        MachineOption machine = MachineOption.merge(machineArguments);
        if (machine.accel().isPresent() && (commandLine.has("accel") || commandLine.has("enable-kvm"))) {
            throw new CommandLineException("The -accel and \"-machine accel=\" options are incompatible");
        }
        List<Endpoint> monitors = new ArrayList<>();
        for (String qmp : commandLine.all("qmp")) {
            monitors.add(MonitorOption.parse(qmp));
        }
        return new Launch(commandLine, identity, memory, machine, monitors);
    }

    int run(PrintStream out, PrintStream err) {
        boolean startPaused = commandLine.has("S") || commandLine.has("preconfig");
        VirtualMachine vm = new VirtualMachine(identity, startPaused);
        CountDownLatch ended = new CountDownLatch(1);
        try (ModelServer server = ModelServer.start(vm, ended::countDown)) {
            for (Endpoint endpoint : monitors) {
                server.listen(endpoint);
            }
            if (commandLine.has("warm-up")) {
                return 0;
            }
            ended.await();
            return 0;
        } catch (IOException e) {
            err.println(QemuModel.PROGRAM + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
