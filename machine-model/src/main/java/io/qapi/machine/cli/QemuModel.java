package io.qapi.machine.cli;

import io.qapi.machine.capture.Capture;
import io.qapi.runtime.server.CompatCrashHandler;
import java.io.IOException;
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

    /** The status a process ended by {@code abort()} reports to the shell: 128 + SIGABRT (6). */
    static final int ABORT_STATUS = 134;

    /**
     * Where a {@code crash} compat policy makes QEMU abort: the process ends at once, without
     * shutdown hooks or a word, with abort's status. Only the program's entry point installs it;
     * the launcher run in a test keeps the library's default (the session ends).
     */
    private static final CompatCrashHandler ABORT =
            (session, what) -> Runtime.getRuntime().halt(ABORT_STATUS);

    private QemuModel() {}

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err, ABORT));
    }

    /** Runs the launcher; returns the exit status. Input under a {@code crash} policy ends only its session. */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, out, err, CompatCrashHandler.END_SESSION);
    }

    /** Runs the launcher with {@code onCompatCrash} called where QEMU aborts; returns the exit status. */
    static int run(List<String> args, PrintStream out, PrintStream err, CompatCrashHandler onCompatCrash) {
        if (!args.isEmpty() && args.get(0).equals("capture")) {
            try {
                Capture.main(args.subList(1, args.size()).toArray(String[]::new));
                return 0;
            } catch (IOException e) {
                err.println(PROGRAM + " capture: " + e.getMessage());
                return 1;
            }
        }
        StartUp.readySocketsInBackground();
        CommandLine commandLine = null;
        try {
            commandLine = CommandLine.parse(args);
            return Launch.from(commandLine).run(out, err, onCompatCrash);
        } catch (CommandLineException e) {
            boolean stamped = commandLine != null && MessageStamp.requested(commandLine);
            err.println(MessageStamp.prefix(stamped) + PROGRAM + ": " + e.getMessage());
            return 1;
        }
    }
}
