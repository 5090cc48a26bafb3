package io.qapi.machine.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Captures, for every machine type, what QEMU reports with {@code -nodefaults} and without it:
 * {@code query-pci}, {@code query-current-machine}, {@code query-hotpluggable-cpus}, {@code
 * query-cpus-fast} and {@code query-memdev}. Two QEMU instances run at a time (the build machine
 * is shared). {@code thread-id} is removed from {@code query-cpus-fast}: it is a host thread id,
 * not a fact about the binary. A machine type QEMU refuses to start records the refusal text.
 */
final class MachineCapture {
    static final List<String> COMMANDS = List.of("query-pci", "query-current-machine",
            "query-hotpluggable-cpus", "query-cpus-fast", "query-memdev");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private MachineCapture() {
    }

    /** Per machine type name (in {@code query-machines} order), its two captured boards. */
    static Map<String, ObjectNode> captureAll(Path binary, List<String> machines)
            throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Map<String, Future<ObjectNode>> pending = new LinkedHashMap<>();
            for (String machine : machines) {
                pending.put(machine, pool.submit(() -> captureOne(binary, machine)));
            }
            Map<String, ObjectNode> result = new LinkedHashMap<>();
            for (Map.Entry<String, Future<ObjectNode>> e : pending.entrySet()) {
                result.put(e.getKey(), e.getValue().get());
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("capturing a machine type failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static ObjectNode captureOne(Path binary, String machine) {
        ObjectNode both = JSON.createObjectNode();
        both.set("nodefaults", board(binary, machine, true));
        both.set("defaults", board(binary, machine, false));
        return both;
    }

    private static ObjectNode board(Path binary, String machine, boolean nodefaults) {
        List<String> extra = nodefaults ? List.of("-nodefaults") : List.of();
        ObjectNode replies = JSON.createObjectNode();
        try (QemuInstance qemu = QemuInstance.start(binary, machine, extra, TIMEOUT)) {
            for (String command : COMMANDS) {
                replies.set(command, withoutHostValues(qemu.qmp().execute(command, null)));
            }
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("did not start")) {
                replies.put("start-error", startError(e.getMessage()));
                return replies;
            }
            throw new UncheckedIOException(e);
        }
        return replies;
    }

    /** QEMU's own message, without the command line (which names a temporary socket). */
    private static String startError(String message) {
        int at = message.indexOf("did not start: ");
        return at < 0 ? message : message.substring(at + "did not start: ".length());
    }

    private static JsonNode withoutHostValues(JsonNode reply) {
        for (JsonNode cpu : reply.path("return")) {
            if (cpu instanceof ObjectNode o) {
                o.remove("thread-id");
            }
        }
        return reply;
    }

    /** The machine type names of a {@code query-machines} reply, in QEMU's order. */
    static List<String> names(JsonNode queryMachines) {
        List<String> names = new ArrayList<>();
        queryMachines.path("return").forEach(m -> names.add(m.path("name").asText()));
        return names;
    }
}
