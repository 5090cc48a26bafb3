package io.qapi.machine.capture;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.pack.HardwareDelta;
import io.qapi.machine.pack.MachineSwitch;
import java.nio.file.Path;

/**
 * The boards a machine type builds under each of its switches: every boolean and on/off/auto
 * property of the machine ({@code usb}, {@code acpi}, {@code sata}, {@code graphics}, …), set in
 * turn to each value other than the one the type's board has, with {@code -nodefaults} and
 * without. The switches are read off the board's own QOM properties, so no list of them is kept
 * here and another binary brings its own.
 *
 * <p>Stored per switch ({@code "usb=on"}) and variant as the difference from the type's board of
 * that variant: {@code hardware} as a {@link HardwareDelta}, and each other reply only when it
 * differs; {@code start-error} when QEMU refuses the switch. A switch that changes nothing is
 * {@code {}} in both variants, which records that it was tried.
 */
final class SwitchCapture {
    static final String SWITCHES = "switches";

    private SwitchCapture() {}

    static ObjectNode capture(Path binary, String machine, ObjectNode bare, ObjectNode withDefaults) {
        ObjectNode switches = JsonNodeFactory.instance.objectNode();
        for (MachineSwitch machineSwitch : MachineSwitch.offeredBy(bare)) {
            ObjectNode variants = switches.putObject(machineSwitch.key());
            String machineArg = machine + "," + machineSwitch.key();
            variants.set(
                    "nodefaults",
                    difference(bare, MachineCapture.board(binary, machineArg, true, MachineCapture.Walk.HARDWARE)));
            variants.set(
                    "defaults",
                    difference(
                            withDefaults,
                            MachineCapture.board(binary, machineArg, false, MachineCapture.Walk.HARDWARE)));
        }
        return switches;
    }

    /**
     * What differs in {@code switched} from {@code board}: QEMU's refusal, or each reply that
     * differs (the QOM listings too, when walked) and the hardware as a {@link HardwareDelta}.
     */
    static ObjectNode difference(ObjectNode board, ObjectNode switched) {
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        if (switched.has("start-error")) {
            kept.set("start-error", switched.get("start-error"));
            return kept;
        }
        switched.fields().forEachRemaining(reply -> {
            if (!reply.getKey().equals(MachineCapture.HARDWARE)
                    && !reply.getValue().equals(board.path(reply.getKey()))) {
                kept.set(reply.getKey(), reply.getValue());
            }
        });
        ObjectNode delta =
                HardwareDelta.between(board.path(MachineCapture.HARDWARE), switched.path(MachineCapture.HARDWARE));
        if (!delta.isEmpty()) {
            kept.set(MachineCapture.HARDWARE, delta);
        }
        return kept;
    }
}
