package io.qapi.machine.cli;

import io.qapi.runtime.transport.Endpoint;
import java.nio.file.Path;

/**
 * A {@code -qmp} argument in QEMU's legacy character-device syntax, as management software
 * writes it: {@code unix:PATH,server=on,wait=off} or {@code tcp:HOST:PORT,server=on,wait=off}.
 * The model listens on the endpoint; it never waits for a client before starting, since nothing
 * runs before the first command anyway.
 */
final class MonitorOption {
    private MonitorOption() {}

    static Endpoint parse(String argument) throws CommandLineException {
        String[] parts = argument.split(",", -1);
        String address = parts[0];
        boolean server = false;
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            switch (part) {
                case "server", "server=on", "server=yes", "server=true" -> server = true;
                case "server=off", "server=no", "server=false" -> server = false;
                case "nowait", "wait=off", "wait=on", "wait=no", "wait=yes", "wait=false", "wait=true" -> {}
                default ->
                    throw new CommandLineException(
                            "-qmp " + argument + ": Invalid parameter '" + part.split("=", 2)[0] + "'");
            }
        }
        Endpoint endpoint = endpoint(argument, address);
        if (!server) {
            throw new CommandLineException(
                    "-qmp " + argument + ": a monitor that connects out (server=off) is not modeled; use server=on");
        }
        return endpoint;
    }

    private static Endpoint endpoint(String argument, String address) throws CommandLineException {
        if (address.startsWith("unix:") && address.length() > 5) {
            return Endpoint.unix(Path.of(address.substring(5)));
        }
        if (address.startsWith("tcp:")) {
            String hostPort = address.substring(4);
            int colon = hostPort.lastIndexOf(':');
            if (colon >= 0) {
                try {
                    String host = hostPort.substring(0, colon);
                    return Endpoint.tcp(
                            host.isEmpty() ? "0.0.0.0" : host, Integer.parseInt(hostPort.substring(colon + 1)));
                } catch (NumberFormatException e) {
                    // falls through to QEMU's message
                }
            }
        }
        throw new CommandLineException("-qmp " + argument + ": '" + address + "' is not a valid char driver");
    }
}
