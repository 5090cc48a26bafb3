package io.qapi.shell;

import com.fasterxml.jackson.databind.JsonNode;
import io.qapi.runtime.client.EventOverflowException;
import io.qapi.runtime.client.EventSubscription;
import io.qapi.runtime.client.QmpConnectionException;
import io.qapi.runtime.protocol.Greeting;
import io.qapi.runtime.protocol.QmpEvent;
import io.qapi.runtime.protocol.QmpMessages;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The shell on a terminal: a prompt with line editing, completion from the server's schema and
 * a history kept in a file; each reply printed after its command, events printed as they come
 * above the prompt, leaving the line being typed as it was. Ctrl-C abandons the line being
 * typed, or stops waiting for a reply; Ctrl-D ends the session.
 */
public final class InteractiveShell {
    /** Commands kept in the history, in memory and in its file. */
    public static final int HISTORY_SIZE = 1000;

    static final String PROMPT = "(QEMU) ";

    private final ShellSession session;
    private final Terminal terminal;
    private final Path historyFile;
    private final boolean pretty;
    /** Held while printing, so that events and replies are printed whole and in wire order. */
    private final Object printing = new Object();

    public InteractiveShell(ShellSession session, Terminal terminal, Path historyFile, boolean pretty) {
        this.session = session;
        this.terminal = terminal;
        this.historyFile = historyFile;
        this.pretty = pretty;
    }

    /** Runs until end of input; returns the exit status (0, or 3 when the connection was lost). */
    public int run() throws IOException {
        LineReader reader = reader();
        PrintWriter out = terminal.writer();
        out.println(banner());
        out.flush();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> session.cancelWait());
        // Events are buffered as they are read, in wire order, and printed from the buffer both
        // when they come (the listener only wakes the printing) and before each reply, so that
        // an event sent before a reply is printed before it.
        EventSubscription<QmpEvent> buffered = session.client().subscribe(event -> true);
        EventSubscription<QmpEvent> wakeUps =
                session.client().listen(event -> true, event -> printEvents(reader, buffered));
        try {
            while (true) {
                String line;
                try {
                    line = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    return ScriptRunner.OK;
                }
                if (!runLine(line, reader, buffered)) {
                    return ScriptRunner.CONNECTION_FAILED;
                }
            }
        } finally {
            wakeUps.close();
            buffered.close();
            terminal.handle(Terminal.Signal.INT, previous);
            saveHistory(reader.getHistory());
        }
    }

    /** Runs one line; returns false when the connection is gone. */
    private boolean runLine(String line, LineReader reader, EventSubscription<QmpEvent> events) {
        if (LineParser.isBlank(line)) {
            return true;
        }
        String shown;
        boolean open = true;
        try {
            shown = format(session.execute(LineParser.parse(line)).message());
        } catch (ShellError refused) {
            shown = "Error: " + refused.getMessage();
        } catch (QmpConnectionException lost) {
            shown = lost.getMessage();
            open = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shown = "Interrupted";
            open = false;
        }
        synchronized (printing) {
            printEvents(reader, events);
            terminal.writer().println(shown);
            terminal.writer().flush();
        }
        return open;
    }

    /** Prints the events buffered so far, above the line being typed if there is one. */
    private void printEvents(LineReader reader, EventSubscription<QmpEvent> events) {
        synchronized (printing) {
            while (true) {
                QmpEvent event;
                try {
                    event = events.poll();
                } catch (EventOverflowException overflow) {
                    reader.printAbove(overflow.getMessage());
                    continue;
                }
                if (event == null) {
                    return;
                }
                reader.printAbove(format(QmpMessages.event(event.name(), event.data(), event.timestamp())));
            }
        }
    }

    private LineReader reader() {
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("qmp-shell")
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.HISTORY_SIZE, HISTORY_SIZE)
                .variable(LineReader.HISTORY_FILE_SIZE, HISTORY_SIZE)
                // '!' and '\' are ordinary characters in QMP arguments, not history expansion.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, false)
                // One command a line, as QEMU's own qmp-shell keeps the same file.
                .option(LineReader.Option.HISTORY_TIMESTAMPED, false);
        if (session.schema() != null) {
            builder.completer(new SchemaCompleter(new Completions(session.schema())));
        }
        return builder.build();
    }

    private String banner() {
        Greeting greeting = session.client().greeting();
        StringBuilder text = new StringBuilder("Connected to ");
        JsonNode version = greeting != null ? greeting.version() : null;
        text.append(version != null ? "QEMU " + greeting.qemuVersion() : "a QMP server")
                .append(" at ")
                .append(session.client().endpoint());
        if (session.schema() != null) {
            text.append(": ").append(session.schema().commands().size()).append(" commands (Tab completes them)");
        } else {
            text.append("\n").append(session.schemaProblem()).append(": no completion, no argument checks");
        }
        return text.append(". Ctrl-D quits.").toString();
    }

    private void saveHistory(History history) {
        try {
            history.save();
        } catch (IOException e) {
            terminal.writer().println("History not saved to " + historyFile + ": " + e.getMessage());
        }
    }

    private String format(JsonNode message) {
        return pretty ? JsonText.pretty(message) : JsonText.compact(message);
    }
}
