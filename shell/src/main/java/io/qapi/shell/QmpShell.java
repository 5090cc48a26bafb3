package io.qapi.shell;

import io.qapi.runtime.transport.Endpoint;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code qmp-shell} command line. */
@Command(
        name = "qmp-shell",
        mixinStandardHelpOptions = true,
        version = "qmp-shell 0.1.0",
        description = {
            "Talks QMP to a QEMU (or any QMP server) at ENDPOINT: a unix socket path or HOST:PORT.",
            "",
            "On a terminal it is interactive: Tab completes command and argument names and enum values from the "
                    + "server's query-qmp-schema, arguments are checked against it before anything is sent, events are "
                    + "printed as they come, and the history is kept in ~/.qmp-shell_history.",
            "Otherwise (or with -c or -f) it runs commands one a line, printing replies and events, and stops at the "
                    + "first failure.",
            "",
            "A command is written as 'command key=value ...' (values are JSON when they parse, else strings; "
                    + "'a.b=x' sets member b of argument a), or as a QMP request such as {\"execute\": \"stop\"}."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every command succeeded",
            "1:a command failed (refused by the shell or answered with an error)",
            "2:the command line was wrong",
            "3:the connection could not be made or was lost"
        })
public final class QmpShell implements Callable<Integer> {
    private static final int USAGE = 2;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    @Parameters(index = "0", paramLabel = "ENDPOINT", description = "unix socket path (or unix:PATH), or HOST:PORT")
    String endpoint;

    @Option(
            names = {"-c", "--command"},
            paramLabel = "COMMAND",
            description = "run this command (may be repeated), then quit")
    List<String> commands = new ArrayList<>();

    @Option(
            names = {"-f", "--file"},
            paramLabel = "FILE",
            description = "run the commands of FILE ('-': standard input)")
    String file;

    @Option(
            names = "--keep-going",
            description = "run the remaining commands after one fails (the exit status is still 1)")
    boolean keepGoing;

    @Option(names = "--no-check", description = "send arguments without checking them against the server's schema")
    boolean noCheck;

    @Option(names = "--compact", description = "print each reply and event on one line")
    boolean compact;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "wait at most this long for each reply")
    Double timeout;

    @Option(names = "--history", paramLabel = "FILE", description = "the history file (default: ~/.qmp-shell_history)")
    Path history;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean onTerminal;

    QmpShell(InputStream in, PrintStream out, PrintStream err, boolean onTerminal) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.onTerminal = onTerminal;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err, onTerminal()));
    }

    /** Whether standard input and output are a terminal. */
    // A null console is a sure no on every JDK; a console is asked below where it can tell.
    @SuppressWarnings("SystemConsoleNull")
    private static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        // From JDK 22 on there is a console even when the streams are redirected; it says whether
        // it is a terminal. Before, there is one only on a terminal.
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException before22) {
            return true;
        } catch (ReflectiveOperationException e) {
            throw new LinkageError("Console.isTerminal", e);
        }
    }

    /**
     * Runs the command line and returns its exit status.
     *
     * @param onTerminal whether standard input and output are a terminal: the shell is then
     *                   interactive unless {@code -c} or {@code -f} is given
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, boolean onTerminal) {
        CommandLine cli = new CommandLine(new QmpShell(in, out, err, onTerminal));
        cli.setOut(new PrintWriter(out, true, Charset.defaultCharset()));
        cli.setErr(new PrintWriter(err, true, Charset.defaultCharset()));
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("qmp-shell: internal error (please report it): " + ex);
            ex.printStackTrace(cmd.getErr());
            return ScriptRunner.CONNECTION_FAILED;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Endpoint where;
        try {
            where = endpoint(endpoint);
        } catch (IllegalArgumentException e) {
            err.println("qmp-shell: " + e.getMessage());
            return USAGE;
        }
        Duration callTimeout = timeout == null ? null : Duration.ofMillis(Math.round(timeout * 1000));
        ShellSession session;
        try {
            session = ShellSession.connect(where, new ShellSession.Options(CONNECT_TIMEOUT, callTimeout, !noCheck));
        } catch (IOException e) {
            err.println("qmp-shell: cannot talk QMP to " + where + ": " + e.getMessage());
            return ScriptRunner.CONNECTION_FAILED;
        }
        try (session) {
            if (onTerminal && commands.isEmpty() && file == null) {
                return interactive(session);
            }
            if (session.schemaProblem() != null && !noCheck) {
                err.println("qmp-shell: " + session.schemaProblem() + ": arguments are sent unchecked");
            }
            ScriptRunner runner = new ScriptRunner(session, out, err, keepGoing, !compact);
            if (commands.isEmpty()) {
                return script(runner);
            }
            int status = runner.run(new BufferedReader(new StringReader(String.join("\n", commands))), "-c");
            boolean stop = status == ScriptRunner.CONNECTION_FAILED || (status != ScriptRunner.OK && !keepGoing);
            return file == null || stop ? status : Math.max(status, script(runner));
        }
    }

    private int script(ScriptRunner runner) throws IOException, InterruptedException {
        if (file == null || file.equals("-")) {
            return runner.run(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), "<stdin>");
        }
        try (BufferedReader script = Files.newBufferedReader(Path.of(file))) {
            return runner.run(script, file);
        }
    }

    private int interactive(ShellSession session) throws IOException {
        Path historyFile = history != null ? history : Path.of(home(), ".qmp-shell_history");
        try (Terminal terminal =
                TerminalBuilder.builder().name("qmp-shell").system(true).build()) {
            return new InteractiveShell(session, terminal, historyFile, !compact).run();
        }
    }

    /** $HOME, as shells and QEMU's qmp-shell read it; Java's user.home comes from the password file. */
    private static String home() {
        String home = System.getenv("HOME");
        return home != null && !home.isEmpty() ? home : System.getProperty("user.home");
    }

    /**
     * Reads ENDPOINT: what {@link Endpoint#parse} reads, and also a socket path with no
     * {@code ./} before it ({@code qmp.sock}), or any path that exists.
     */
    static Endpoint endpoint(String spec) {
        boolean prefixed = spec.startsWith("unix:") || spec.startsWith("tcp:");
        if (!prefixed && (spec.indexOf(':') < 0 || Files.exists(Path.of(spec)))) {
            return Endpoint.unix(Path.of(spec));
        }
        return Endpoint.parse(spec);
    }
}
