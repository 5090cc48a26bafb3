package io.qapi.machine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.block.BlockdevOptions;
import io.qapi.machine.vm.VirtualMachine;
import io.qapi.runtime.api.Input;
import io.qapi.runtime.api.QmpError;
import io.qapi.runtime.keyval.Keyval;
import java.io.IOException;

/**
 * {@code -blockdev}, in its JSON form (read as {@code blockdev-add} reads its arguments) or its
 * {@code key=value} form (implied key {@code driver}; values are text, read as QEMU reads them:
 * integers in decimal or hexadecimal, booleans as on/off). QEMU makes the nodes after
 * the character devices and before the devices, in command-line order; a refusal is printed
 * with the option as written.
 */
final class BlockdevOption {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BlockdevOption() {}

    static void create(VirtualMachine vm, String argument) throws CommandLineException {
        boolean json = argument.startsWith("{");
        try {
            ObjectNode options = json ? jsonTree(argument) : Keyval.parse(argument, "driver");
            vm.addBlockNode(BlockdevOptions.read(options, json ? Input.STRICT : Input.KEYVAL));
        } catch (QmpError e) {
            throw new CommandLineException("-blockdev " + argument + ": " + e.desc());
        }
    }

    private static ObjectNode jsonTree(String argument) {
        try {
            JsonNode tree = JSON.readTree(argument);
            if (tree instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            // QEMU's message below; the model does not say where the text went wrong
        }
        throw QmpError.generic("JSON parse error");
    }
}
