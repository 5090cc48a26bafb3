package io.qapi.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.runtime.api.Command;
import io.qapi.runtime.api.Decoder;
import io.qapi.runtime.api.Decoders;
import io.qapi.runtime.api.EventSink;
import io.qapi.runtime.api.Input;
import io.qapi.runtime.api.Json;
import io.qapi.runtime.api.ObjectReader;
import io.qapi.runtime.api.QmpError;
import io.qapi.runtime.protocol.Greeting;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A few commands of QEMU 7.2 with {@code -machine none -S}, answering as the real binary does
 * in the captures: enough to replay every row of the error table, negotiation and OOB.
 */
public final class TinyQemu {
    public static final ObjectNode VERSION = Greeting.version(7, 2, 22, "Debian 1:7.2+dfsg-7+deb12u18+b3");

    private volatile EventSink events = (name, data) -> {};
    private volatile boolean running;

    public void events(EventSink sink) {
        this.events = sink;
    }

    public List<Command> commands() {
        List<Command> table = new ArrayList<>();
        table.add(command("query-version", none(r -> VERSION.deepCopy())));
        table.add(command("query-status", none(r -> status())));
        table.add(command("query-name", none(r -> Json.object())));
        table.add(command("query-uuid", none(r -> {
            ObjectNode uuid = Json.object();
            uuid.put("UUID", "00000000-0000-0000-0000-000000000000");
            return uuid;
        })));
        table.add(command("query-pci", none(r -> Json.array())));
        table.add(command("stop", none(r -> setRunning(false, "STOP"))));
        table.add(command("cont", none(r -> setRunning(true, "RESUME"))));
        table.add(command("device-list-properties", args(r -> {
            String type = r.required("typename", Decoders.STR);
            if (type.equals("pci-device")) {
                throw QmpError.generic("Parameter 'typename' expects a non-abstract device type");
            }
            if (!type.equals("e1000")) {
                throw new QmpError(QmpError.DEVICE_NOT_FOUND, "Device '" + type + "' not found");
            }
            return Json.array();
        })));
        table.add(command("human-monitor-command", args(r -> {
            r.required("command-line", Decoders.STR);
            r.optional("cpu-index", Decoders.INT64);
            return Json.string("");
        })));
        table.add(command("qom-list-types", args(r -> {
            r.optional("implements", Decoders.STR);
            r.optional("abstract", Decoders.BOOL);
            return Json.array();
        })));
        table.add(command("query-cpu-model-expansion", args(r -> {
            r.required("type", oneOf("static", "full"));
            String name = r.required("model", (in, json, path) -> {
                ObjectReader model = in.object(json, path);
                String n = model.required("name", Decoders.STR);
                model.optional("props", Decoders.ANY);
                model.finish();
                return n;
            });
            ObjectNode model = Json.object();
            model.put("name", name);
            ObjectNode reply = Json.object();
            reply.set("model", model);
            return reply;
        })));
        table.add(command("qom-get", args(r -> {
            String path = r.required("path", Decoders.STR);
            String property = r.required("property", Decoders.STR);
            if (!path.equals("/machine")) {
                throw new QmpError(QmpError.DEVICE_NOT_FOUND, "Device '" + path + "' not found");
            }
            throw QmpError.generic("Property 'none-machine." + property + "' not found");
        })));
        table.add(new Command("device_add", List.of(), true, false, false, (arguments, in) -> {
            JsonNode driver = arguments.get("driver");
            if (driver == null) {
                throw in.missing("driver");
            }
            String name = in.string(driver, "driver");
            if (!name.equals("e1000")) {
                throw QmpError.generic("'" + name + "' is not a valid device model name");
            }
            throw QmpError.generic("No 'PCI' bus found for device '" + name + "'");
        }));
        table.add(new Command("query-yank", List.of(), true, true, true, (arguments, in) -> {
            in.object(arguments, "").finish();
            ObjectNode instance = Json.object();
            instance.put("type", "chardev");
            instance.put("id", "compat_monitor0");
            return Json.array().add(instance);
        }));
        table.add(new Command("yank", List.of(), true, true, true, (arguments, in) -> {
            ObjectReader r = in.object(arguments, "");
            r.requiredList("instances", Decoders.ANY);
            r.finish();
            return null;
        }));
        table.add(new Command("migrate-pause", List.of(), true, true, true, (arguments, in) -> {
            in.object(arguments, "").finish();
            throw QmpError.generic("migrate-pause is currently only supported during postcopy-active state");
        }));
        return table;
    }

    private JsonNode status() {
        ObjectNode status = Json.object();
        status.put("running", running);
        status.put("singlestep", false);
        status.put("status", running ? "running" : "prelaunch");
        return status;
    }

    private JsonNode setRunning(boolean run, String event) {
        running = run;
        events.emit(event, null);
        return null;
    }

    private static Command command(String name, Command.Handler handler) {
        return new Command(name, List.of(), true, false, true, handler);
    }

    private static Command.Handler none(Function<ObjectReader, JsonNode> body) {
        return args(r -> body.apply(r));
    }

    private static Command.Handler args(Function<ObjectReader, JsonNode> body) {
        return (arguments, in) -> {
            ObjectReader reader = in.object(arguments, "");
            JsonNode result = body.apply(reader);
            reader.finish();
            return result;
        };
    }

    private static Decoder<String> oneOf(String... values) {
        Set<String> allowed = Set.of(values);
        return (Input in, JsonNode json, String path) -> {
            String value = in.string(json, path);
            if (!allowed.contains(value)) {
                throw in.badEnumValue(path, value);
            }
            return value;
        };
    }
}
