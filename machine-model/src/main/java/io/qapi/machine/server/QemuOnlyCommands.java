package io.qapi.machine.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.pack.MachinePack;
import io.qapi.machine.preconfig.PreconfigAllowlist;
import io.qapi.runtime.api.Command;
import io.qapi.runtime.api.QmpError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The commands the binary has and the model has no module for. They are in the command table so
 * that the model offers what QEMU offers ({@code query-commands}, {@code query-qmp-schema} and
 * preconfig gating as QEMU's), with the flags QEMU's introspection gives them. A query whose
 * reply depends on the binary alone is answered with the reply the capture recorded
 * ({@code query-tpm-models}, {@code query-command-line-options}, …); any other answers an error
 * that names the command as not modeled, never a made-up success.
 */
final class QemuOnlyCommands {
    private static final String COMMAND_LINE_OPTIONS = "query-command-line-options";

    private QemuOnlyCommands() {}

    /** The binary's commands that {@code modeled} lacks, in the order of its {@code query-commands}. */
    static List<Command> beyond(List<Command> modeled, MachinePack pack, BooleanSupplier modulesLoaded) {
        Set<String> have = new HashSet<>();
        modeled.forEach(c -> have.add(c.name()));
        Map<String, JsonNode> introspected = new HashMap<>();
        pack.qmpSchema()
                .ifPresent(schema -> schema.path("return").forEach(entity -> {
                    if (entity.path("meta-type").asText().equals("command")) {
                        introspected.put(entity.path("name").asText(), entity);
                    }
                }));
        List<Command> others = new ArrayList<>();
        for (JsonNode info : pack.queryCommands().path("return")) {
            String name = info.path("name").asText();
            if (!have.contains(name)) {
                others.add(command(name, introspected.get(name), pack, modulesLoaded));
            }
        }
        return others;
    }

    private static Command command(
            String name, JsonNode introspected, MachinePack pack, BooleanSupplier modulesLoaded) {
        Command.Builder builder = Command.named(name);
        if (introspected != null) {
            List<String> features = new ArrayList<>();
            introspected.path("features").forEach(f -> features.add(f.asText()));
            builder.features(features.toArray(String[]::new));
            if (introspected.path("allow-oob").asBoolean(false)) {
                builder.allowOob();
            }
        }
        if (PreconfigAllowlist.qemu72X86().contains(name)) {
            builder.allowPreconfig();
        }
        return builder.handler((arguments, input) -> {
            Optional<JsonNode> recorded = pack.recordedQuery(name, modulesLoaded.getAsBoolean());
            if (recorded.isPresent() && arguments.isEmpty()) {
                return Verbatim.of(MachineModule.returned(recorded.get()));
            }
            if (recorded.isPresent() && name.equals(COMMAND_LINE_OPTIONS)) {
                return commandLineOptions(MachineModule.returned(recorded.get()), arguments);
            }
            throw QmpError.generic("The command " + name + " is not modeled by qemu-model");
        });
    }

    /** {@code query-command-line-options} for one option: its entry of the whole list, as QEMU picks it. */
    private static JsonNode commandLineOptions(JsonNode all, ObjectNode arguments) {
        JsonNode option = arguments.get("option");
        if (option == null || !option.isTextual() || arguments.size() != 1) {
            throw QmpError.generic(
                    "The command " + COMMAND_LINE_OPTIONS + " is not modeled by qemu-model with these arguments");
        }
        ArrayNode picked = JsonNodeFactory.instance.arrayNode();
        for (JsonNode entry : all) {
            if (entry.path("option").asText().equals(option.textValue())) {
                picked.add(entry);
            }
        }
        if (picked.isEmpty()) {
            throw QmpError.generic("invalid option name: " + option.textValue());
        }
        return picked;
    }
}
