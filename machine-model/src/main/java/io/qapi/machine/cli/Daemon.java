package io.qapi.machine.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * {@code -daemonize} and {@code -pidfile}, as QEMU 7.2 takes them. QEMU forks: its first process
 * returns once the second is ready (its monitors listening), with the second's errors on its own
 * standard error and exit status. A JVM cannot fork, so the launcher script ({@code ./qemu-model})
 * does that part: it starts the model in the background in a session of its own, naming a file in
 * {@link #READY_VARIABLE}, waits until the model makes that file ({@link #ready}) or ends, and
 * exits as QEMU's first process would. The pid file is the model's own (it is the daemon), locked
 * as QEMU locks it, and removed when the model ends.
 */
final class Daemon {
    /** The environment variable through which the launcher names the file that says "ready". */
    static final String READY_VARIABLE = "QEMU_MODEL_READY_FILE";

    private final boolean daemonize;
    private final Optional<Path> pidFile;

    private Daemon(boolean daemonize, Optional<Path> pidFile) {
        this.daemonize = daemonize;
        this.pidFile = pidFile;
    }

    /** The options read and checked as QEMU checks them while it reads the command line. */
    static Daemon from(CommandLine commandLine) throws CommandLineException {
        boolean daemonize = commandLine.has("daemonize");
        if (daemonize && commandLine.has("nographic") && !commandLine.has("nodefaults")) {
            // the default serial port and monitor would be on standard I/O, which a daemon has not
            throw new CommandLineException("-nographic cannot be used with -daemonize");
        }
        if (daemonize && commandLine.all("qmp").contains(StdioMonitor.ARGUMENT)) {
            throw new CommandLineException("-qmp stdio: cannot use stdio with -daemonize");
        }
        if (daemonize && System.getenv(READY_VARIABLE) == null) {
            throw new CommandLineException("-daemonize: start the model through the ./qemu-model launcher to "
                    + "daemonize it (a JVM cannot fork)");
        }
        return new Daemon(daemonize, commandLine.last("pidfile").map(Path::of));
    }

    /**
     * Writes the pid file, as QEMU does once it is the daemon: created if need be, locked (a second
     * QEMU or model with the same file is refused), its old content replaced by the pid and a
     * newline. It is removed when the model ends.
     */
    void writePidFile() throws CommandLineException {
        if (pidFile.isEmpty()) {
            return;
        }
        Path path = pidFile.get();
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            throw cannotCreate("Could not create '" + path + "': No such file or directory");
        } catch (AccessDeniedException e) {
            throw cannotCreate("Could not create '" + path + "': Permission denied");
        } catch (IOException e) {
            throw cannotCreate("Could not create '" + path + "': " + e.getMessage());
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw cannotCreate("Cannot lock pid file: Resource temporarily unavailable");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(false);
        } catch (IOException e) {
            throw cannotCreate("Failed to write PID file: " + e.getMessage());
        }
        // the channel, and its lock, stay open for the model's life
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                Files.deleteIfExists(path);
                            } catch (IOException ignored) {
                                // the file goes with the model, if it can
                            }
                        },
                        "pidfile-removal"));
    }

    private static CommandLineException cannotCreate(String why) {
        return new CommandLineException("cannot create PID file: " + why);
    }

    /**
     * Tells the launcher that the model listens (with {@code -daemonize}): the first process
     * returns now. Like QEMU's daemon, the model writes nothing to the terminal from then on.
     */
    void ready() throws IOException {
        if (!daemonize) {
            return;
        }
        Files.writeString(Path.of(System.getenv(READY_VARIABLE)), "ready\n");
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        System.setOut(nowhere);
        System.setErr(nowhere);
    }
}
