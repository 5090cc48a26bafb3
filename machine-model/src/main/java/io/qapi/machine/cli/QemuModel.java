package io.qapi.machine.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./qemu-model}: takes QEMU's command line, builds the machine the model describes, and
 * serves QMP on the {@code -qmp} endpoints until a client sends {@code quit} or the process is
 * ended. A command line QEMU would refuse ends the process with status 1 and QEMU's message, put
 * after this program's name as QEMU puts its own. {@code qemu-model capture ...} runs the capture
 * tool instead.
 */
public final class QemuModel {
    /** The name in front of every message, as QEMU writes {@code qemu-system-x86_64: }. */
    public static final String PROGRAM = "qemu-model";

    private QemuModel() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    /** Runs the launcher; returns the exit status. */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty() && args.get(0).equals("capture")) {
            err.println(PROGRAM + ": capture is not available in this build");
            return 2;
        }
        try {
            CommandLine commandLine = CommandLine.parse(args);
            return Launch.from(commandLine).run(out, err);
        } catch (CommandLineException e) {
            err.println(PROGRAM + ": " + e.getMessage());
            return 1;
        }
    }
}
