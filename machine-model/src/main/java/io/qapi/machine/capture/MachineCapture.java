package io.qapi.machine.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.pack.MachineTypePlaceholder;
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
import java.util.function.Predicate;

/**
 * Captures, for every machine type, what QEMU reports with {@code -nodefaults} and without it:
 * {@code query-pci}, {@code query-current-machine}, {@code query-hotpluggable-cpus}, {@code
 * query-cpus-fast} and {@code query-memdev}. Two QEMU instances run at a time (the build machine
 * is shared). {@code thread-id} is removed from {@code query-cpus-fast}: it is a host thread id,
 * not a fact about the binary. A machine type QEMU refuses to start records the refusal text.
 */
final class MachineCapture {
    static final List<String> COMMANDS =
            List.of("query-pci", "query-current-machine", "query-hotpluggable-cpus", "query-cpus-fast", "query-memdev");
    /** The board's devices and buses, read from its QOM tree (see {@link BoardWalk}). */
    static final String HARDWARE = "hardware";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private MachineCapture() {}

    /** Per machine type name (in {@code query-machines} order), its two captured boards. */
    /**
     * The machine types whose hardware is walked: every x86 type, and on other targets the
     * {@code virt} family, the boards management software runs (the dozens of other Arm boards
     * would multiply the pack's size for boards nobody asks to describe).
     */
    static Predicate<String> described(String arch) {
        return arch.equals("x86_64") || arch.equals("i386")
                ? name -> true
                : name -> FamilyLayout.family(name).equals("virt");
    }

    /**
     * The machine types whose boards without default devices are captured (see {@link
     * SuppressionCapture}): the x86 ones. On Arm the drivers that turn defaults off are ISA devices
     * the binary lacks, or display adapters the {@code virt} board does not make by default.
     */
    static Predicate<String> suppressed(String arch) {
        return arch.equals("x86_64") || arch.equals("i386") ? name -> true : name -> false;
    }

    static Map<String, ObjectNode> captureAll(
            Path binary, List<String> machines, Predicate<String> described, Predicate<String> suppressed)
            throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Map<String, Future<ObjectNode>> pending = new LinkedHashMap<>();
            for (String machine : machines) {
                pending.put(
                        machine,
                        pool.submit(
                                () -> captureOne(binary, machine, described.test(machine), suppressed.test(machine))));
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

    private static ObjectNode captureOne(Path binary, String machine, boolean described, boolean suppressed) {
        ObjectNode both = JSON.createObjectNode();
        Walk walk = described ? Walk.FULL : Walk.NONE;
        ObjectNode bare = board(binary, machine, true, walk);
        ObjectNode withDefaults = board(binary, machine, false, walk);
        both.set("nodefaults", bare);
        both.set("defaults", withDefaults);
        if (described && !bare.has("start-error")) {
            ObjectNode switches = SwitchCapture.capture(binary, machine, bare, withDefaults);
            if (!switches.isEmpty()) {
                both.set(SwitchCapture.SWITCHES, switches);
            }
        }
        if (described && suppressed && !withDefaults.has("start-error")) {
            both.set(SuppressionCapture.SUPPRESSIONS, SuppressionCapture.capture(binary, machine, withDefaults));
        }
        return both;
    }

    /** How much of a started board's QOM tree is read. */
    enum Walk {
        /** none: the board is not described */
        NONE,
        /** devices, buses, and what qom-list and qom-get answer */
        FULL,
        /** devices and buses */
        HARDWARE
    }

    /**
     * A board's replies (started with {@code -machine machineArg}); a start that failed without a
     * word from QEMU (its monitor not ready in time on a loaded machine) is tried again, twice,
     * before it is recorded as QEMU's refusal.
     */
    static ObjectNode board(Path binary, String machineArg, boolean nodefaults, Walk walk) {
        return board(binary, machineArg, nodefaults ? List.of("-nodefaults") : List.of(), walk);
    }

    /** A board's replies, started with {@code -machine machineArg} and the options {@code extra}. */
    static ObjectNode board(Path binary, String machineArg, List<String> extra, Walk walk) {
        ObjectNode replies = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            replies = boardOnce(binary, machineArg, extra, walk);
            if (!replies.path("start-error").asText("x").isEmpty()) {
                return replies;
            }
        }
        return replies;
    }

    private static ObjectNode boardOnce(Path binary, String machine, List<String> extra, Walk walk) {
        ObjectNode replies = JSON.createObjectNode();
        try (QemuInstance qemu = QemuInstance.start(binary, machine, extra, TIMEOUT)) {
            for (String command : COMMANDS) {
                replies.set(command, withoutHostValues(qemu.qmp().execute(command, null)));
            }
            if (walk == Walk.HARDWARE) {
                replies.set(HARDWARE, BoardWalk.walkHardware(qemu.qmp()));
            } else if (walk == Walk.FULL) {
                ObjectNode walked = BoardWalk.walk(qemu.qmp());
                ObjectNode qom = (ObjectNode) walked.remove("qom");
                replies.set(HARDWARE, walked);
                // kept apart, and with the machine's own type written as a placeholder, so that the
                // members of a family share them and are stored as differences
                String machineType = qom.path("types").path(BoardWalk.MACHINE).asText();
                for (String part : List.of("lists", "machine")) {
                    replies.set("qom-" + part, MachineTypePlaceholder.hide(qom.path(part), machineType));
                }
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
