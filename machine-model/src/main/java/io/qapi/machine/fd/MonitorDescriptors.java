package io.qapi.machine.fd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The descriptors of one monitor: those its client sent and no command has taken yet, and those
 * {@code getfd} keeps under a name. Measured on QEMU 7.2 (a monitor on {@code -chardev socket}):
 * descriptors that come with any bytes replace (and close) any sent before and not taken, even
 * when the command they came with does not take descriptors; a command that takes one takes the
 * first and closes the others; the ones not taken are closed when the client disconnects. Names
 * belong to the monitor and outlive its clients.
 */
public final class MonitorDescriptors {
    private List<PassedDescriptor> pending = List.of();
    private final Map<String, PassedDescriptor> named = new LinkedHashMap<>();

    /** The client sent {@code batch} with its latest bytes; an empty batch changes nothing. */
    public synchronized void received(List<PassedDescriptor> batch) {
        if (batch.isEmpty()) {
            return;
        }
        pending.forEach(PassedDescriptor::close);
        pending = List.copyOf(batch);
    }

    /** The client disconnected: what it sent and no command took is closed. */
    public synchronized void connectionEnded() {
        pending.forEach(PassedDescriptor::close);
        pending = List.of();
    }

    /** The first descriptor waiting, for the command that takes it; the others are closed. */
    public synchronized Optional<PassedDescriptor> take() {
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        PassedDescriptor first = pending.get(0);
        pending.subList(1, pending.size()).forEach(PassedDescriptor::close);
        pending = List.of();
        return Optional.of(first);
    }

    /**
     * {@code getfd}: keeps the descriptor waiting under {@code name}, closing one kept under it
     * before. The descriptor is taken before the name is checked, so a refused name closes it.
     */
    public synchronized void keep(String name) {
        PassedDescriptor descriptor = take().orElseThrow(DescriptorException::noneSupplied);
        if (!name.isEmpty() && name.charAt(0) >= '0' && name.charAt(0) <= '9') {
            descriptor.close();
            throw new DescriptorException("Parameter 'fdname' expects a name not starting with a digit");
        }
        PassedDescriptor replaced = named.put(name, descriptor);
        if (replaced != null) {
            replaced.close();
        }
    }

    /** {@code closefd}. */
    public synchronized void close(String name) {
        PassedDescriptor kept = named.remove(name);
        if (kept == null) {
            throw DescriptorException.notFound(name);
        }
        kept.close();
    }

    /** Closes everything, as the process's end would. */
    public synchronized void closeAll() {
        connectionEnded();
        new ArrayList<>(named.values()).forEach(PassedDescriptor::close);
        named.clear();
    }
}
