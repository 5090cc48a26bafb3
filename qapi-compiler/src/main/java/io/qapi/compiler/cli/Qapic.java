package io.qapi.compiler.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code qapic} command line. Its commands are described through picocli's programmatic
 * API, which costs a one-shot process nothing that the annotations would (reading each command
 * class reflectively); why, and the launcher's other start-up settings: ARCHITECTURE.md,
 * "Start-up".
 */
public final class Qapic implements Runnable {
    private final CommandSpec spec = CommandSpecs.command(
                    this, "qapic", "Reads QEMU QAPI schemas exactly as QEMU does.")
            .version("qapic 0.1.0");

    private Qapic() {
        spec.addSubcommand("check", new CheckCommand().spec);
        spec.addSubcommand("dump-ir", new DumpIrCommand().spec);
        spec.addSubcommand("conformance", new ConformanceCommand().spec);
        spec.addSubcommand("introspect", new IntrospectCommand().spec);
        spec.addSubcommand("generate", new GenerateCommand().spec);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Qapic().spec);
        cli.setExecutionExceptionHandler(Qapic::bugReport);
        return cli.execute(args);
    }

    /** A command that failed with an exception: a bug, reported as one, status 3. */
    private static int bugReport(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        cmd.getErr().println("qapic: internal error (please report it): " + ex);
        ex.printStackTrace(cmd.getErr());
        return 3;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }
}
