package io.qapi.machine.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.qapi.machine.vm.VirtualMachine;
import io.qapi.runtime.api.Decoder;
import io.qapi.runtime.api.Input;
import io.qapi.runtime.api.QmpError;
import io.qapi.schema.machine.CurrentMachineParams;
import io.qapi.schema.machine.KvmInfo;
import io.qapi.schema.machine.MachineInfo;
import io.qapi.schema.machine.NameInfo;
import io.qapi.schema.machine.TargetInfo;
import io.qapi.schema.machine.UuidInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands of {@code machine.json}: what the machine is and which types the binary has. The
 * binary-wide answers are the replies captured from it, read into our types.
 */
final class MachineModule {
    private final VirtualMachine machine;

    MachineModule(VirtualMachine machine) {
        this.machine = machine;
    }

    NameInfo queryName() {
        return new NameInfo(machine.identity().name());
    }

    UuidInfo queryUuid() {
        return new UuidInfo(machine.identity().uuid());
    }

    TargetInfo queryTarget() {
        return captured(machine.parts().pack().queryTarget(), TargetInfo.DECODER);
    }

    KvmInfo queryKvm() {
        return captured(machine.parts().pack().queryKvm(), KvmInfo.DECODER);
    }

    CurrentMachineParams queryCurrentMachine() {
        return captured(machine.parts().capturedReply("query-current-machine"), CurrentMachineParams.DECODER);
    }

    List<MachineInfo> queryMachines() {
        return capturedList(machine.parts().pack().queryMachines(), MachineInfo.DECODER);
    }

    /** The {@code return} of a captured reply, read leniently so that nothing QEMU said is lost. */
    static <T> T captured(JsonNode reply, Decoder<T> decoder) {
        return decoder.decode(Input.LENIENT, returned(reply), "");
    }

    /** The {@code return} of a captured reply, or the error QEMU answered, raised as it was. */
    static JsonNode returned(JsonNode reply) {
        JsonNode error = reply.get("error");
        if (error != null) {
            throw new QmpError(error.path("class").asText(), error.path("desc").asText());
        }
        return reply.path("return");
    }

    static <T> List<T> capturedList(JsonNode reply, Decoder<T> decoder) {
        List<T> values = new ArrayList<>();
        for (JsonNode element : reply.path("return")) {
            values.add(decoder.decode(Input.LENIENT, element, ""));
        }
        return values;
    }
}
