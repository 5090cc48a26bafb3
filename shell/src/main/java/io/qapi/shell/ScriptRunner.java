package io.qapi.shell;

import com.fasterxml.jackson.databind.JsonNode;
import io.qapi.runtime.client.EventOverflowException;
import io.qapi.runtime.client.EventSubscription;
import io.qapi.runtime.client.QmpConnectionException;
import io.qapi.runtime.protocol.QmpEvent;
import io.qapi.runtime.protocol.QmpMessages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;

/**
 * The shell without a terminal: runs the commands of a script (or of {@code -c}), one a line,
 * prints each reply, and prints events in the order they came on the wire, before the reply
 * they preceded. Blank lines and {@code #} comments are skipped. It stops at the first command
 * that fails (refused locally, or answered with an error) unless told to keep going.
 */
public final class ScriptRunner {
    /** Every command succeeded. */
    public static final int OK = 0;
    /** A command failed: refused by the shell or answered with an error. */
    public static final int COMMAND_FAILED = 1;
    /** The connection could not be made or was lost. */
    public static final int CONNECTION_FAILED = 3;

    private final ShellSession session;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean keepGoing;
    private final boolean pretty;

    public ScriptRunner(ShellSession session, PrintStream out, PrintStream err, boolean keepGoing, boolean pretty) {
        this.session = session;
        this.out = out;
        this.err = err;
        this.keepGoing = keepGoing;
        this.pretty = pretty;
    }

    /**
     * Runs the script's lines; {@code source} names it in messages ({@code -c}, a file name).
     * Returns the exit status: {@link #OK}, {@link #COMMAND_FAILED} or
     * {@link #CONNECTION_FAILED}.
     */
    public int run(BufferedReader script, String source) throws IOException, InterruptedException {
        // Events are buffered from the reading thread before the reply that follows them
        // completes its call, so draining the buffer before printing a reply keeps wire order.
        try (EventSubscription<QmpEvent> events = session.client().subscribe(event -> true)) {
            int status = OK;
            int number = 0;
            for (String line = script.readLine(); line != null; line = script.readLine()) {
                number++;
                if (LineParser.isBlank(line)) {
                    continue;
                }
                boolean ok;
                try {
                    ok = runLine(line, events);
                } catch (ShellError refused) {
                    printEvents(events);
                    err.println(source + ":" + number + ": " + refused.getMessage());
                    ok = false;
                } catch (QmpConnectionException lost) {
                    printEvents(events);
                    err.println(source + ":" + number + ": " + lost.getMessage());
                    return CONNECTION_FAILED;
                }
                if (!ok) {
                    status = COMMAND_FAILED;
                    if (!keepGoing) {
                        break;
                    }
                }
            }
            printEvents(events);
            out.flush();
            return status;
        }
    }

    private boolean runLine(String line, EventSubscription<QmpEvent> events) throws InterruptedException {
        ShellSession.Reply reply = session.execute(LineParser.parse(line));
        printEvents(events);
        out.println(format(reply.message()));
        return reply.ok();
    }

    private void printEvents(EventSubscription<QmpEvent> events) {
        while (true) {
            QmpEvent event;
            try {
                event = events.poll();
            } catch (EventOverflowException overflow) {
                err.println(overflow.getMessage());
                continue;
            }
            if (event == null) {
                return;
            }
            out.println(format(QmpMessages.event(event.name(), event.data(), event.timestamp())));
        }
    }

    private String format(JsonNode message) {
        return pretty ? JsonText.pretty(message) : JsonText.compact(message);
    }
}
