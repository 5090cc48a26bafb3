package io.qapi.machine.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.qapi.machine.vm.VirtualMachine;
import io.qapi.runtime.api.QmpError;
import io.qapi.schema.host.BalloonArguments;
import io.qapi.schema.host.BalloonInfo;
import io.qapi.schema.host.IOThreadInfo;
import io.qapi.schema.host.MigrateSetCapabilitiesArguments;
import io.qapi.schema.host.MigrationCapabilityStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What QEMU reports of its process rather than of the machine: the balloon, the migration
 * capabilities, the I/O threads. No guest runs, so the balloon never gives memory back; nothing
 * migrates, so a capability is only a switch kept; an I/O thread object stands for a thread.
 */
final class HostModule {
    /** QEMU 7.2's defaults for an I/O thread's polling, which the model's iothread objects keep. */
    private static final long POLL_MAX_NS = 32768;

    private final VirtualMachine machine;
    /** The binary's migration capabilities in its order, with their states. */
    private final Map<String, Boolean> capabilities = new LinkedHashMap<>();

    HostModule(VirtualMachine machine) {
        this.machine = machine;
        machine.parts()
                .pack()
                .recordedQuery("query-migrate-capabilities", false)
                .map(MachineModule::returned)
                .ifPresent(list -> list.forEach(c -> capabilities.put(
                        c.path("capability").asText(), c.path("state").asBoolean())));
    }

    void balloon(BalloonArguments arguments) {
        requireBalloon();
        if (arguments.value() <= 0) {
            throw QmpError.generic("Parameter 'target' expects a size");
        }
    }

    BalloonInfo queryBalloon() {
        requireBalloon();
        return new BalloonInfo(machine.parts().ramBytes());
    }

    private void requireBalloon() {
        boolean present = machine.addedDevices().values().stream().anyMatch(t -> t.startsWith("virtio-balloon-"));
        if (!present) {
            throw new QmpError("DeviceNotActive", "No balloon device has been activated");
        }
    }

    /** All or nothing: a capability the binary lacks refuses the whole command, as QEMU's reading of the enum does. */
    synchronized void migrateSetCapabilities(MigrateSetCapabilitiesArguments arguments) {
        for (MigrationCapabilityStatus status : arguments.capabilities()) {
            if (!capabilities.containsKey(status.capability())) {
                throw QmpError.generic("Parameter 'capability' does not accept value '" + status.capability() + "'");
            }
        }
        arguments.capabilities().forEach(s -> capabilities.put(s.capability(), s.state()));
    }

    synchronized List<MigrationCapabilityStatus> queryMigrateCapabilities() {
        List<MigrationCapabilityStatus> list = new ArrayList<>();
        capabilities.forEach((name, state) -> list.add(new MigrationCapabilityStatus(name, state)));
        return list;
    }

    /** The iothread objects in /objects' order; the process's id stands for each thread's. */
    List<IOThreadInfo> queryIothreads() {
        long thread = ProcessHandle.current().pid();
        List<IOThreadInfo> threads = new ArrayList<>();
        for (String id : machine.objects()) {
            if (machine.objectType(id).filter("iothread"::equals).isPresent()) {
                JsonNode properties = machine.objectProperties(id).orElseThrow();
                threads.add(new IOThreadInfo(
                        id,
                        thread,
                        properties.path("poll-max-ns").asLong(POLL_MAX_NS),
                        properties.path("poll-grow").asLong(0),
                        properties.path("poll-shrink").asLong(0),
                        properties.path("aio-max-batch").asLong(0)));
            }
        }
        return threads;
    }
}
