package io.qapi.runtime.transport;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a QMP peer listens: a unix domain socket path or a TCP host and port.
 * {@link #parse(String)} reads the usual spellings: {@code unix:/run/qmp.sock}, an absolute or
 * {@code ./}-relative path, {@code tcp:host:port}, {@code host:port} and {@code [::1]:port}.
 */
public sealed interface Endpoint permits Endpoint.Unix, Endpoint.Tcp {

    /** A unix domain socket. */
    record Unix(Path path) implements Endpoint {
        public Unix {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String toString() {
            return "unix:" + path;
        }
    }

    /** A TCP address; port 0 asks a server for any free port. */
    record Tcp(String host, int port) implements Endpoint {
        public Tcp {
            Objects.requireNonNull(host, "host");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }

        @Override
        public String toString() {
            return host.contains(":") ? "tcp:[" + host + "]:" + port : "tcp:" + host + ":" + port;
        }
    }

    static Unix unix(Path path) {
        return new Unix(path);
    }

    static Tcp tcp(String host, int port) {
        return new Tcp(host, port);
    }

    /** The loopback address, which servers listen on unless told otherwise. */
    static Tcp loopback(int port) {
        return new Tcp(InetAddress.getLoopbackAddress().getHostAddress(), port);
    }

    static Endpoint parse(String spec) {
        if (spec.startsWith("unix:")) {
            return unix(Path.of(spec.substring(5)));
        }
        if (spec.startsWith("/") || spec.startsWith("./") || spec.startsWith("../")) {
            return unix(Path.of(spec));
        }
        String address = spec.startsWith("tcp:") ? spec.substring(4) : spec;
        int colon = address.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not an endpoint (unix:PATH or HOST:PORT): " + spec);
        }
        String host = address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return tcp(host, Integer.parseInt(address.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port number in " + spec, e);
        }
    }
}
