package io.qapi.machine.chardev;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * One character device.
 *
 * @param id            its id (QEMU's label), its name in {@code /chardevs}
 * @param qomType       its QOM type ({@code chardev-null}, {@code chardev-socket}, ...)
 * @param filename      what {@code query-chardev} says it is connected to
 * @param frontendOpen  whether a front end holds it open (a monitor, a serial port)
 * @param backend       the back end as {@code chardev-add} takes it, for the hardware
 *                      description; empty for the ones QEMU makes itself (monitors, defaults)
 * @param monitorSocket for a monitor listening on a unix socket, the socket's path: QEMU names
 *                      the connected socket apart from the listening one
 */
public record Chardev(
        String id,
        String qomType,
        String filename,
        boolean frontendOpen,
        Optional<ObjectNode> backend,
        Optional<String> monitorSocket) {

    public Chardev {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(qomType, "qomType");
        Objects.requireNonNull(filename, "filename");
        backend = backend.map(ObjectNode::deepCopy);
    }

    /** The back end's name, as {@code chardev-add} and {@code -chardev} spell it. */
    public String kind() {
        return qomType.substring("chardev-".length());
    }

    /** Whether a management connection is this device's front end. */
    public boolean isMonitor() {
        return id.startsWith(ChardevRules.MONITOR_PREFIX) && backend.isEmpty();
    }
}
