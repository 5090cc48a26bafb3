package io.qapi.machine.chardev;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.runtime.api.QmpError;
import io.qapi.schema.char_.ChardevBackend;
import io.qapi.schema.char_.ChardevRingbuf;
import io.qapi.schema.char_.ChardevSocket;
import io.qapi.schema.sockets.SocketAddressLegacy;
import io.qapi.schema.sockets.UnixSocketAddress;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * QEMU 7.2's rules for opening a character device back end ({@code chardev_new} and each
 * back end's open function), without opening anything: which back ends exist, the checks each
 * makes, in QEMU's order, and the name {@code query-chardev} then shows. {@code chardev-add}
 * prefixes a refusal with {@code Failed to add chardev 'ID': }; {@code -chardev} does not.
 *
 * <p>The model opens no file, socket or terminal. A socket is shown as QEMU shows one without a
 * peer ({@code disconnected:...}); a client socket is not connected (QEMU would connect at once,
 * and fail when nothing listens); a server with {@code wait} does not wait.
 */
public final class ChardevRules {
    /** QEMU names a {@code -qmp} monitor's character device this, numbered from 0. */
    public static final String MONITOR_PREFIX = "compat_monitor";
    /** The back ends the model records; the binary's others are refused as not modeled. */
    private static final Set<String> MODELED = Set.of("null", "file", "socket", "pty", "ringbuf", "memory");

    private static final int DEFAULT_RINGBUF_SIZE = 65536;

    private ChardevRules() {}

    /**
     * Opens {@code backend} as {@code id}.
     *
     * @param isType whether the binary has a QOM type of this name (a back end's class is
     *               {@code chardev-KIND}, loaded from a module when needed)
     * @param ptys   numbers the pseudo-terminals the model names
     * @throws QmpError with QEMU's message, without the prefix {@code chardev-add} adds
     */
    public static Chardev open(String id, ChardevBackend backend, Predicate<String> isType, PtyNumbers ptys) {
        String kind = backend.type().wireName();
        if (!isType.test("chardev-" + kind)) {
            throw QmpError.generic("'" + kind + "' is not a valid char driver name");
        }
        if (!MODELED.contains(kind)) {
            throw QmpError.generic("the '" + kind + "' back end is not modeled by qemu-model yet");
        }
        ChardevBackend.Branch branch = backend.branch();
        String filename = kind;
        if (branch instanceof ChardevBackend.Socket s) {
            filename = socket(s.value().data());
        } else if (branch instanceof ChardevBackend.Ringbuf r) {
            ringbuf(r.value().data());
        } else if (branch instanceof ChardevBackend.Memory m) {
            ringbuf(m.value().data());
        } else if (branch instanceof ChardevBackend.Pty) {
            filename = "pty:" + ptys.next();
        }
        return new Chardev(
                id, "chardev-" + kind, filename, false, Optional.of(canonical(backend.toJson())), Optional.empty());
    }

    /**
     * The back end in one form for one device, however it was given: {@code chardev-add} and
     * {@code -chardev} fill in different members and defaults (the command line gives
     * {@code logappend=off}, a socket's {@code server}), so a member that says what its default
     * says is left out, and a socket's mode ({@code server}, and {@code wait} for a server),
     * whose defaults differ between the two, is always given.
     */
    static ObjectNode canonical(ObjectNode backend) {
        ObjectNode json = backend.deepCopy();
        if (!(json.get("data") instanceof ObjectNode data)) {
            return json;
        }
        dropFalse(data, "logappend", "append", "nodelay", "telnet", "tn3270", "websocket");
        if (json.path("type").asText().equals("socket")) {
            boolean server = data.path("server").asBoolean(true);
            data.put("server", server);
            if (server) {
                data.put("wait", data.path("wait").asBoolean(false));
            }
            if (data.path("addr").path("data") instanceof ObjectNode address
                    && data.path("addr").path("type").asText().equals("unix")) {
                if (!address.path("abstract").asBoolean(false)) {
                    address.remove("abstract");
                    address.remove("tight");
                }
            }
        }
        return json;
    }

    private static void dropFalse(ObjectNode data, String... members) {
        for (String member : members) {
            if (data.has(member)
                    && data.get(member).isBoolean()
                    && !data.get(member).booleanValue()) {
                data.remove(member);
            }
        }
    }

    private static void ringbuf(ChardevRingbuf options) {
        long size = options.size().orElse((long) DEFAULT_RINGBUF_SIZE);
        if ((size & (size - 1)) != 0) {
            throw QmpError.generic("size of ringbuf chardev must be power of two");
        }
    }

    /** {@code qmp_chardev_open_socket}: the credentials, then the checks of the address and mode. */
    private static String socket(ChardevSocket socket) {
        boolean listen = socket.server().orElse(true);
        socket.tlsCreds().ifPresent(creds -> {
            // the model has no TLS credentials objects
            throw QmpError.generic("No TLS credentials with id '" + creds + "'");
        });
        SocketAddressLegacy.Branch address = socket.addr().branch();
        if (address instanceof SocketAddressLegacy.Fd && socket.reconnect().isPresent()) {
            throw QmpError.generic("'reconnect' option is incompatible with 'fd' address type");
        }
        if (socket.tlsAuthz().isPresent()) {
            throw QmpError.generic("'tls_authz' option requires 'tls_creds' option");
        }
        if (listen) {
            if (socket.reconnect().isPresent()) {
                throw QmpError.generic("'reconnect' option is incompatible with socket in server listen mode");
            }
        } else {
            if (socket.websocket().orElse(false)) {
                throw QmpError.generic("Websocket client is not implemented");
            }
            if (socket.wait_().isPresent()) {
                throw QmpError.generic("'wait' option is incompatible with socket in client connect mode");
            }
        }
        String protocol = socket.websocket().orElse(false) ? "websocket" : "tcp";
        String server = listen ? ",server=on" : "";
        if (address instanceof SocketAddressLegacy.Inet inet) {
            return "disconnected:" + protocol + ":" + inet.value().data().host() + ":"
                    + inet.value().data().port() + server;
        }
        if (address instanceof SocketAddressLegacy.Unix unix) {
            UnixSocketAddress path = unix.value().data();
            boolean isAbstract = path.abstract_().orElse(false);
            return "disconnected:unix:" + path.path() + (isAbstract ? ",abstract=on" : "")
                    + (isAbstract && path.tight().orElse(false) ? ",tight=on" : "") + server;
        }
        if (address instanceof SocketAddressLegacy.Fd fd) {
            return "disconnected:fd:" + fd.value().data().str() + server;
        }
        if (address instanceof SocketAddressLegacy.Vsock vsock) {
            return "disconnected:vsock:" + vsock.value().data().cid() + ":"
                    + vsock.value().data().port();
        }
        // the address was read strictly, so its type is one of the four
        throw new IllegalStateException("socket address of an unknown type");
    }

    /** The character device of the {@code number}th {@code -qmp} monitor ({@code unix:PATH} or {@code tcp:HOST:PORT}). */
    public static Chardev monitor(int number, String address) {
        Optional<String> unixPath = address.startsWith("unix:") ? Optional.of(address.substring(5)) : Optional.empty();
        String qomType = address.equals("stdio") ? "chardev-stdio" : "chardev-socket";
        String filename = address.equals("stdio") ? "stdio" : "disconnected:" + address + ",server=on";
        return new Chardev(MONITOR_PREFIX + number, qomType, filename, true, Optional.empty(), unixPath);
    }

    /**
     * A default serial or parallel port's back end ({@code serial0}, {@code parallel0}): a text
     * console, or with {@code -nographic} standard I/O for the serial port and nothing for the
     * parallel one. It is open when the board has the port that uses it.
     */
    public static Chardev defaultPort(String id, boolean nographic, boolean used) {
        String kind = !nographic ? "vc" : id.startsWith("serial") ? "stdio" : "null";
        return new Chardev(id, "chardev-" + kind, kind, used, Optional.empty(), Optional.empty());
    }

    /** The filename QEMU shows for a monitor's socket while a client is connected to it. */
    public static String connected(Chardev monitor) {
        return monitor.monitorSocket()
                .map(path -> "unix:" + path + ",server=on")
                .orElse(monitor.filename());
    }

    /** Numbers the pseudo-terminals the model names, as the host would (the first is 0). */
    public static final class PtyNumbers {
        private int next;

        synchronized String next() {
            return "/dev/pts/" + next++;
        }
    }
}
