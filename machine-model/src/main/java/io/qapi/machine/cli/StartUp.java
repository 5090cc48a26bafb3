package io.qapi.machine.cli;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;

/**
 * Readies the JDK's socket machinery on a second thread while the main thread reads the command
 * line and builds the machine. Opening the first selector and the first unix socket loads and
 * initialises a good part of the JDK's networking (the latter seeds a secure random generator);
 * done on the main thread, that work would come after the machine is built and before the
 * monitor listens, and the start-to-greeting time is measured against QEMU's. What it makes is
 * closed at once; a failure here changes nothing, since the real listen reports its own.
 */
final class StartUp {
    private StartUp() {}

    static void readySocketsInBackground() {
        // a thread subclass, not a lambda: the first lambda of the JVM sets up the lambda
        // machinery (and spins a class), which the second thread then does, not the main one
        Thread thread = new Thread("qemu-model-start-up") {
            @Override
            public void run() {
                readySockets();
            }
        };
        thread.setDaemon(true);
        thread.start();
    }

    private static void readySockets() {
        try {
            Selector.open().close();
            ServerSocketChannel.open(StandardProtocolFamily.UNIX).close();
        } catch (IOException | RuntimeException e) {
            // nothing readied; the monitor's own listen will say what is wrong
        }
    }
}
