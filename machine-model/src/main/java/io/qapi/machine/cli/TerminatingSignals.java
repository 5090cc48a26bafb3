package io.qapi.machine.cli;

import io.qapi.machine.vm.VirtualMachine;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * SIGTERM, SIGINT and SIGHUP end QEMU 7.2 in order: it says why on standard error, sends the
 * SHUTDOWN event (reason {@code host-signal}) to its monitors, and exits with status 0. libvirt's
 * {@code destroy} relies on it. The JVM would otherwise die at once with status 143, saying
 * nothing; its handlers cannot tell who sent the signal, so the message is QEMU's form without
 * a sender ("terminating on signal 15").
 *
 * <p>One difference remains: a JVM started with one of these signals ignored (SIGHUP under
 * {@code nohup}, SIGINT in a non-interactive shell's background job) keeps it ignored and does
 * not call the handler, where QEMU installs its handler whatever it inherited. The model then
 * goes on running on that signal.
 */
final class TerminatingSignals {
    /** The signals QEMU handles so. */
    private static final List<Signal> SIGNALS = List.of(new Signal("TERM"), new Signal("INT"), new Signal("HUP"));

    private TerminatingSignals() {}

    static void install(VirtualMachine vm, PrintStream err, boolean stamped) {
        AtomicBoolean terminating = new AtomicBoolean();
        for (Signal signal : SIGNALS) {
            Signal.handle(signal, received -> {
                if (terminating.getAndSet(true)) {
                    return; // already ending: one SHUTDOWN, as QEMU sends
                }
                err.println(MessageStamp.prefix(stamped) + QemuModel.PROGRAM + ": terminating on signal "
                        + received.getNumber());
                err.flush();
                vm.terminateOnSignal();
            });
        }
    }
}
