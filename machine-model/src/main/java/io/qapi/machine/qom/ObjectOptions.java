package io.qapi.machine.qom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.block.HostFile;
import io.qapi.machine.block.HostFiles;
import io.qapi.runtime.api.Input;
import io.qapi.runtime.api.QmpError;
import io.qapi.schema.numa.HostMemPolicy;
import io.qapi.schema.qom.IothreadProperties;
import io.qapi.schema.qom.MemoryBackendFileProperties;
import io.qapi.schema.qom.MemoryBackendProperties;
import io.qapi.schema.qom.ObjectType;
import io.qapi.schema.qom.RngProperties;
import io.qapi.schema.qom.RngRandomProperties;
import io.qapi.schema.qom.SecretProperties;
import java.util.Optional;

/**
 * An object's options read as QEMU's visitor reads its ObjectOptions union, for
 * {@code object-add} (a QMP argument, strictly typed) and {@code -object} (JSON, or
 * {@code key=value} where every value is text): the type and id first, then the type's
 * properties strictly, with QEMU's messages. The model records memory backends (RAM and file),
 * random number generator back ends and I/O threads; it opens no host file and starts no
 * thread. Other object types are refused as not modeled.
 */
public final class ObjectOptions {
    private ObjectOptions() {}

    /**
     * The object read.
     *
     * @param id         its id
     * @param type       its QOM type
     * @param properties the properties given, typed
     * @param memory     for a memory backend, what {@code query-memdev} shows of it
     */
    public record Read(String id, String type, ObjectNode properties, Optional<MemoryBackend> memory) {}

    public static Read read(ObjectNode arguments, Input input) {
        ObjectType type = ObjectType.DECODER.decode(input, required(arguments, "qom-type"), "qom-type");
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
        // kept as read, typed (a key=value form gives text), so that they say the same in JSON
        ObjectNode typed;
        switch (name) {
            case "memory-backend-ram" -> {
                MemoryBackendProperties ram = MemoryBackendProperties.DECODER.decode(input, properties, "");
                memory = Optional.of(ram);
                typed = ram.toJson();
            }
            case "memory-backend-file" -> {
                MemoryBackendFileProperties file = MemoryBackendFileProperties.DECODER.decode(input, properties, "");
                memory = Optional.of(fileBase(file));
                typed = file.toJson();
            }
            case "rng-builtin" ->
                typed = RngProperties.DECODER.decode(input, properties, "").toJson();
            case "rng-random" -> {
                RngRandomProperties random = RngRandomProperties.DECODER.decode(input, properties, "");
                typed = random.toJson();
                // QEMU opens the source for reading as it makes the object: a name that leads nowhere is refused
                HostFile source = HostFiles.SYSTEM.look(random.filename().orElse("/dev/urandom"));
                source.lookupError().ifPresent(reason -> {
                    throw source.couldNotOpen(reason);
                });
            }
            case "secret" -> {
                SecretProperties secret = SecretProperties.DECODER.decode(input, properties, "");
                typed = secret.toJson();
                Secrets.load(secret);
            }
            case "iothread" ->
                typed = IothreadProperties.DECODER.decode(input, properties, "").toJson();
            default -> throw QmpError.generic("object-add of type '" + name + "' is not modeled by qemu-model yet");
        }
        QomChecks.requireIdentifier(id);
        return new Read(id, name, typed, memory.map(p -> backend(id, name, p)));
    }

    private static JsonNode required(ObjectNode arguments, String name) {
        JsonNode value = arguments.get(name);
        if (value == null) {
            throw QmpError.generic("Parameter '" + name + "' is missing");
        }
        return value;
    }

    private static MemoryBackendProperties fileBase(MemoryBackendFileProperties file) {
        return new MemoryBackendProperties(
                file.dump(),
                file.hostNodes(),
                file.merge(),
                file.policy(),
                file.prealloc(),
                file.preallocThreads(),
                file.preallocContext(),
                file.share(),
                file.reserve(),
                file.size(),
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
        return new MemoryBackend(
                id,
                p.size(),
                p.merge().orElse(true),
                p.dump().orElse(true),
                p.prealloc().orElse(false),
                p.share().orElse(false),
                p.reserve().orElse(true),
                p.policy().orElse(HostMemPolicy.DEFAULT).wireName());
    }
}
