package io.qapi.machine.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.qom.QomChecks;
import io.qapi.machine.vm.MemoryBackend;
import io.qapi.machine.vm.VirtualMachine;
import io.qapi.runtime.api.Input;
import io.qapi.runtime.api.QmpError;
import io.qapi.schema.numa.HostMemPolicy;
import io.qapi.schema.qom.IothreadProperties;
import io.qapi.schema.qom.MemoryBackendFileProperties;
import io.qapi.schema.qom.MemoryBackendProperties;
import io.qapi.schema.qom.ObjectDelArguments;
import io.qapi.schema.qom.ObjectType;
import io.qapi.schema.qom.RngProperties;
import io.qapi.schema.qom.RngRandomProperties;
import java.util.Optional;

/**
 * {@code object-add} and {@code object-del} of the objects the model records: RAM and file
 * memory backends (which {@code query-memdev} and NUMA nodes then see), random number generator
 * back ends and I/O threads. The arguments are read as QEMU's visitor reads its ObjectOptions
 * union: the type and id first, then the type's properties strictly, with QEMU's messages. The
 * model opens no host file (a memory backend's {@code mem-path}, an RNG's {@code filename}) and
 * starts no thread: it records them. Other object types are refused as not modeled.
 */
final class ObjectModule {
    private final VirtualMachine machine;

    ObjectModule(VirtualMachine machine) {
        this.machine = machine;
    }

    void objectAdd(ObjectNode arguments) {
        ObjectType type = ObjectType.DECODER.decode(Input.STRICT, required(arguments, "qom-type"), "qom-type");
        JsonNode idNode = required(arguments, "id");
        if (!idNode.isTextual()) {
            throw QmpError.generic("Invalid parameter type for 'id', expected: string");
        }
        String id = idNode.textValue();
        ObjectNode properties = arguments.deepCopy();
        properties.remove("qom-type");
        properties.remove("id");
        String name = type.wireName();
        // the whole of QEMU's ObjectOptions is read before anything else is checked; the
        // properties of the types that are not memory backends are only checked
        Optional<MemoryBackendProperties> memory = Optional.empty();
        switch (name) {
            case "memory-backend-ram" -> memory = Optional.of(MemoryBackendProperties.DECODER.decode(Input.STRICT,
                    properties, ""));
            case "memory-backend-file" -> memory = Optional.of(fileBase(MemoryBackendFileProperties.DECODER.decode(
                    Input.STRICT, properties, "")));
            case "rng-builtin" -> RngProperties.DECODER.decode(Input.STRICT, properties, "");
            case "rng-random" -> RngRandomProperties.DECODER.decode(Input.STRICT, properties, "");
            case "iothread" -> IothreadProperties.DECODER.decode(Input.STRICT, properties, "");
            default -> throw QmpError.generic("object-add of type '" + name + "' is not modeled by qemu-model yet");
        }
        QomChecks.requireIdentifier(id);
        machine.addObject(id, name, memory.map(p -> backend(id, name, p)));
    }

    void objectDel(ObjectDelArguments arguments) {
        machine.deleteObject(arguments.id());
    }

    private static JsonNode required(ObjectNode arguments, String name) {
        JsonNode value = arguments.get(name);
        if (value == null) {
            throw QmpError.generic("Parameter '" + name + "' is missing");
        }
        return value;
    }

    private static MemoryBackendProperties fileBase(MemoryBackendFileProperties file) {
        return new MemoryBackendProperties(file.dump(), file.hostNodes(), file.merge(), file.policy(), file.prealloc(),
                file.preallocThreads(), file.preallocContext(), file.share(), file.reserve(), file.size(),
                file.xUseCanonicalPathForRamblockId());
    }

    /** A memory backend as QEMU 7.2 makes it: a size of 0 is refused when the property is set. */
    private static MemoryBackend backend(String id, String type, MemoryBackendProperties p) {
        if (p.size() == 0) {
            throw QmpError.generic("property 'size' of " + type + " doesn't take value '0'");
        }
        if (p.hostNodes().isPresent() && !p.hostNodes().get().isEmpty()) {
            throw QmpError.generic("object-add with host-nodes is not modeled by qemu-model yet");
        }
        return new MemoryBackend(id, p.size(), p.merge().orElse(true), p.dump().orElse(true),
                p.prealloc().orElse(false), p.share().orElse(false), p.reserve().orElse(true),
                p.policy().orElse(HostMemPolicy.DEFAULT).wireName());
    }
}
