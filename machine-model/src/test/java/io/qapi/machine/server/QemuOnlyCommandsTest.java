package io.qapi.machine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.pack.MachinePack;
import io.qapi.runtime.api.Command;
import io.qapi.runtime.api.Input;
import io.qapi.runtime.api.QmpError;
import io.qapi.runtime.json.JsonWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The binary's commands the model has no module for: offered with QEMU's flags, answered from
 * the recorded replies where the binary alone decides them, refused by name otherwise.
 */
class QemuOnlyCommandsTest {
    private static final MachinePack X86 = MachinePack.builtin("x86_64-7.2");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final AtomicBoolean modulesLoaded = new AtomicBoolean();
    private final Command modeled = Command.named("query-status").handler((a, i) -> NODES.objectNode());
    private final Map<String, Command> table =
            QemuOnlyCommands.beyond(List.of(modeled), X86, modulesLoaded::get).stream()
                    .collect(Collectors.toMap(Command::name, Function.identity()));

    private JsonNode run(String name, ObjectNode arguments) {
        return table.get(name).handler().run(arguments, Input.STRICT);
    }

    private static String text(JsonNode value) {
        return JsonWriter.QEMU.text(value);
    }

    @Test
    void theTableHoldsEveryCommandOfTheBinaryTheModelLacksOnce() {
        Set<String> binary = new HashSet<>();
        X86.queryCommands()
                .path("return")
                .forEach(c -> binary.add(c.path("name").asText()));
        binary.remove("query-status");
        assertEquals(binary, table.keySet());
    }

    @Test
    void flagsComeFromQemusIntrospectionAndPreconfigList() {
        assertTrue(table.get("migrate-recover").allowOob(), "QEMU's introspection marks it allow-oob");
        assertFalse(table.get("query-block").allowOob());
        assertTrue(table.get("query-iothreads").allowPreconfig(), "QEMU 7.2 runs it in preconfig");
        assertFalse(table.get("query-tpm-models").allowPreconfig());
        assertTrue(table.get("drive-backup").deprecated(), "features carried over");
    }

    @Test
    void aQueryTheBinaryAloneDecidesIsAnsweredAsRecorded() {
        assertEquals("[\"tpm-crb\", \"tpm-tis\"]", text(run("query-tpm-models", NODES.objectNode())));
        QmpError sev = assertThrows(QmpError.class, () -> run("query-sev-capabilities", NODES.objectNode()));
        assertEquals("KVM not enabled", sev.desc());
    }

    @Test
    void anyOtherIsRefusedNamingTheCommand() {
        QmpError refused = assertThrows(QmpError.class, () -> run("query-block", NODES.objectNode()));
        assertEquals("GenericError", refused.errorClass());
        assertEquals("The command query-block is not modeled by qemu-model", refused.desc());
    }

    @Test
    void commandLineOptionsArePickedByNameAndTheSpiceModuleAddsItsOwn() {
        ObjectNode machine = NODES.objectNode().put("option", "machine");
        JsonNode picked = run("query-command-line-options", machine);
        assertEquals(1, picked.size());
        assertEquals("machine", picked.get(0).path("option").asText());
        ObjectNode spice = NODES.objectNode().put("option", "spice");
        QmpError missing = assertThrows(QmpError.class, () -> run("query-command-line-options", spice));
        assertEquals("invalid option name: spice", missing.desc());
        modulesLoaded.set(true);
        assertEquals(
                "spice",
                run("query-command-line-options", spice).get(0).path("option").asText());
    }
}
