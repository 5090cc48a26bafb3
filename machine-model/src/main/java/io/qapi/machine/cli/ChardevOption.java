package io.qapi.machine.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.chardev.Chardev;
import io.qapi.machine.chardev.ChardevRules;
import io.qapi.machine.vm.VirtualMachine;
import io.qapi.runtime.api.Input;
import io.qapi.runtime.api.QmpError;
import io.qapi.schema.char_.ChardevBackend;
import java.math.BigInteger;
import java.util.Map;
import java.util.Set;

/**
 * {@code -chardev BACKEND,id=ID,...} as QEMU 7.2 reads it: the option's keys checked as its
 * option list checks them while the command line is read, then, as the device is created, the
 * id, the back end and the back end's own parse function, which turns the flat options into the
 * back end {@code chardev-add} takes (with the command line's own defaults: a socket is a
 * client unless {@code server=on}). The device is then opened by the same rules as
 * {@code chardev-add}'s.
 */
final class ChardevOption {
    /** The keys QEMU's {@code -chardev} option list accepts. */
    private static final Set<String> KEYS = Set.of(
            "backend",
            "path",
            "host",
            "port",
            "fd",
            "local",
            "localaddr",
            "localport",
            "to",
            "ipv4",
            "ipv6",
            "wait",
            "server",
            "delay",
            "nodelay",
            "reconnect",
            "telnet",
            "tn3270",
            "websocket",
            "width",
            "height",
            "cols",
            "rows",
            "mux",
            "signal",
            "name",
            "debug",
            "size",
            "chardev",
            "append",
            "logfile",
            "logappend",
            "mouse",
            "clipboard",
            "tight",
            "abstract",
            "tls-creds",
            "tls-authz",
            "id");

    private static final Set<String> BOOLEANS = Set.of(
            "ipv4",
            "ipv6",
            "wait",
            "server",
            "delay",
            "nodelay",
            "telnet",
            "tn3270",
            "websocket",
            "mux",
            "signal",
            "append",
            "logappend",
            "mouse",
            "clipboard",
            "tight",
            "abstract");

    private ChardevOption() {}

    /** Checks what QEMU checks while it reads the command line: the keys and boolean values. */
    static Map<String, String> read(String argument) throws CommandLineException {
        Map<String, String> options = DeviceOption.parse(argument);
        String backend = options.remove("driver");
        for (Map.Entry<String, String> option : options.entrySet()) {
            if (!KEYS.contains(option.getKey())) {
                throw new CommandLineException(
                        "-chardev " + argument + ": Invalid parameter '" + option.getKey() + "'");
            }
            if (BOOLEANS.contains(option.getKey())
                    && OptsFields.bool(option.getValue()).isEmpty()) {
                throw new CommandLineException(
                        "-chardev " + argument + ": Parameter '" + option.getKey() + "' expects 'on' or 'off'");
            }
        }
        if (backend != null) {
            options.put("backend", backend);
        }
        return options;
    }

    /** Creates the character device {@code argument} describes in {@code vm}. */
    static void create(VirtualMachine vm, String argument) throws CommandLineException {
        Map<String, String> options = read(argument);
        try {
            String id = options.get("id");
            if (id == null) {
                throw QmpError.generic("chardev: no id specified");
            }
            String kind = options.get("backend");
            if (kind == null) {
                throw QmpError.generic("chardev: \"" + id + "\" missing backend");
            }
            if (!vm.parts().pack().types().exists("chardev-" + kind)) {
                throw QmpError.generic("'" + kind + "' is not a valid char driver name");
            }
            ObjectNode data = backendData(kind, options);
            ObjectNode json = JsonNodeFactory.instance.objectNode().put("type", kind);
            json.set("data", data);
            ChardevBackend backend = ChardevBackend.DECODER.decode(Input.STRICT, json, "backend");
            Chardev chardev = ChardevRules.open(id, backend, vm.parts().pack().types()::exists, vm.ptys());
            vm.chardevs().add(chardev);
        } catch (QmpError | IllegalArgumentException e) {
            throw new CommandLineException("-chardev " + argument + ": " + e.getMessage());
        }
    }

    /** The back end's parse function: the flat options as the back end's members. */
    private static ObjectNode backendData(String kind, Map<String, String> options) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        switch (kind) {
            case "file" -> {
                String path = options.get("path");
                if (path == null) {
                    throw QmpError.generic("chardev: file: no filename given");
                }
                common(data, options);
                data.put("out", path);
                data.put("append", flag(options, "append", false));
            }
            case "socket" -> socket(data, options);
            case "ringbuf", "memory" -> {
                common(data, options);
                String size = options.get("size");
                if (size != null) {
                    BigInteger bytes = SizeParser.parse(size, 1);
                    if (bytes == null) {
                        throw QmpError.generic("Parameter 'size' " + SizeParser.HINT);
                    }
                    if (bytes.signum() != 0) {
                        // QEMU reads the size into an int
                        data.put("size", bytes.intValue());
                    }
                }
            }
            default -> common(data, options);
        }
        return data;
    }

    private static void socket(ObjectNode data, Map<String, String> options) {
        String path = options.get("path");
        String host = options.get("host");
        String fd = options.get("fd");
        if ((path != null ? 1 : 0) + (fd != null ? 1 : 0) + (host != null ? 1 : 0) > 1) {
            throw QmpError.generic("None or one of 'path', 'fd' or 'host' option required.");
        }
        if (host != null && !options.containsKey("port")) {
            throw QmpError.generic("chardev: socket: no port given");
        }
        if (options.containsKey("delay") && options.containsKey("nodelay")) {
            throw QmpError.generic("'delay' and 'nodelay' are mutually exclusive");
        }
        ObjectNode address = JsonNodeFactory.instance.objectNode();
        ObjectNode where = JsonNodeFactory.instance.objectNode();
        if (path != null) {
            address.put("type", "unix");
            where.put("path", path);
            where.put("abstract", flag(options, "abstract", false));
            where.put("tight", flag(options, "tight", true));
        } else if (host != null) {
            address.put("type", "inet");
            where.put("host", host);
            where.put("port", options.get("port"));
            if (options.containsKey("to")) {
                where.put("to", Integer.parseInt(options.get("to")));
            }
            for (String family : new String[] {"ipv4", "ipv6"}) {
                if (options.containsKey(family)) {
                    where.put(family, flag(options, family, false));
                }
            }
        } else {
            address.put("type", "fd");
            where.put("str", fd == null ? "" : fd);
        }
        address.set("data", where);
        data.set("addr", address);
        common(data, options);
        if (options.containsKey("delay") || options.containsKey("nodelay")) {
            data.put("nodelay", !flag(options, "delay", true) || flag(options, "nodelay", false));
        }
        boolean server = flag(options, "server", false);
        // the command line's defaults differ from chardev-add's: a client, and a server waits
        data.put("server", server);
        for (String key : new String[] {"telnet", "tn3270", "websocket"}) {
            if (options.containsKey(key)) {
                data.put(key, flag(options, key, false));
            }
        }
        if (options.containsKey("wait") || server) {
            data.put("wait", flag(options, "wait", true));
        }
        if (options.containsKey("reconnect")) {
            data.put("reconnect", Long.parseLong(options.get("reconnect")));
        }
        for (String key : new String[] {"tls-creds", "tls-authz"}) {
            if (options.containsKey(key)) {
                data.put(key, options.get(key));
            }
        }
    }

    private static void common(ObjectNode data, Map<String, String> options) {
        if (options.containsKey("logfile")) {
            data.put("logfile", options.get("logfile"));
        }
        data.put("logappend", flag(options, "logappend", false));
    }

    private static boolean flag(Map<String, String> options, String key, boolean otherwise) {
        String value = options.get(key);
        return value == null ? otherwise : OptsFields.bool(value).orElseThrow();
    }
}
