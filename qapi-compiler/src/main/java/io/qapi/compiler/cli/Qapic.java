package io.qapi.compiler.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code qapic} command line. */
@Command(name = "qapic", mixinStandardHelpOptions = true, version = "qapic 0.1.0",
        description = "Reads QEMU QAPI schemas exactly as QEMU does.",
        subcommands = {CheckCommand.class, DumpIrCommand.class, ConformanceCommand.class, IntrospectCommand.class,
            GenerateCommand.class})
public final class Qapic implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        EarlyStart.Plan plan = EarlyStart.begin(args);
        if (plan != null) {
            // The common command lines need no parsing beyond what EarlyStart did: answering
            // them directly saves setting up the command-line model, a large share of a short run.
            System.exit(plan.command().equals("check") ? CheckCommand.check(plan.schemas(), plan.options(),
                    new java.io.PrintWriter(System.err, true)) : DumpIrCommand.dump(plan.schemas().get(0),
                    plan.options(), new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true)));
        }
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Qapic());
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("qapic: internal error (please report it): " + ex);
            ex.printStackTrace(cmd.getErr());
            return 3;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }
}
