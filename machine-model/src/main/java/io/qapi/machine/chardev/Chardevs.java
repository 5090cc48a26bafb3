package io.qapi.machine.chardev;

import io.qapi.machine.qom.GHashTableOrder;
import io.qapi.runtime.api.QmpError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code /chardevs} container: the machine's character devices in QEMU's hash-table order.
 * {@code query-chardev} and {@code qom-list} both give the reverse of that order (QEMU prepends
 * each entry to its reply). Thread-safe; each change is whole or does not happen.
 */
public final class Chardevs {
    private final GHashTableOrder order = new GHashTableOrder();
    /** By id, in the order they were made. */
    private final Map<String, Chardev> byId = new LinkedHashMap<>();

    /** Adds {@code chardev}, refusing an id in use as {@code chardev-add} does. */
    public synchronized void add(Chardev chardev) {
        if (byId.containsKey(chardev.id())) {
            throw QmpError.generic("Chardev with id '" + chardev.id() + "' already exists");
        }
        order.insert(chardev.id());
        byId.put(chardev.id(), chardev);
    }

    /** Whether there is a character device of this id. */
    public synchronized boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** The character device of this id. */
    public synchronized Optional<Chardev> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * Gives the character device of this id a front end (a serial port's), which holds it open:
     * QEMU then refuses another front end and its removal.
     */
    public synchronized void openFrontEnd(String id) {
        Chardev chardev = byId.get(id);
        byId.put(
                id,
                new Chardev(
                        chardev.id(),
                        chardev.qomType(),
                        chardev.filename(),
                        true,
                        chardev.backend(),
                        chardev.monitorSocket()));
    }

    /**
     * Makes the character device of this id a QMP monitor's ({@code -mon chardev=ID}), listening
     * at {@code listenPath}: the monitor holds it open, and it shows as connected while a client
     * is. {@code shownPath}, for a socket inherited by descriptor, is the path it is bound to,
     * which QEMU names it by.
     */
    public synchronized void serveMonitor(String id, Optional<String> shownPath, String listenPath) {
        Chardev chardev = byId.get(id);
        String filename = shownPath
                .map(path -> "disconnected:unix:" + path + ",server=on")
                .orElse(chardev.filename());
        byId.put(
                id,
                new Chardev(
                        chardev.id(), chardev.qomType(), filename, true, chardev.backend(), Optional.of(listenPath)));
    }

    /** {@code chardev-remove}: QEMU's refusals of an unknown device and of one a front end uses. */
    public synchronized void remove(String id) {
        Chardev chardev = byId.get(id);
        if (chardev == null) {
            throw QmpError.generic("Chardev '" + id + "' not found");
        }
        if (chardev.frontendOpen()) {
            throw QmpError.generic("Chardev '" + id + "' is busy");
        }
        order.remove(id);
        byId.remove(id);
    }

    /** The devices in the order they were made. */
    public synchronized List<Chardev> created() {
        return List.copyOf(byId.values());
    }

    /** The devices as {@code query-chardev} lists them: the reverse of the table's order. */
    public synchronized List<Chardev> listed() {
        List<Chardev> listed = new ArrayList<>();
        for (String id : order.order()) {
            listed.add(byId.get(id));
        }
        Collections.reverse(listed);
        return listed;
    }
}
