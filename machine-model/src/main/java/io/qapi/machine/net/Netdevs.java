package io.qapi.machine.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.qom.QomChecks;
import io.qapi.runtime.api.QmpError;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The machine's network back ends by id, each with the NIC that uses it, if any: an immutable
 * value, a new one for each change, so that a refused command leaves the machine's as it was.
 *
 * @param byId the back ends' types by id, in the order they were made
 * @param peers the QOM path of the NIC each connected back end serves, by back end id
 */
public record Netdevs(Map<String, String> byId, Map<String, String> peers) {
    /** None. */
    public static final Netdevs NONE = new Netdevs(Map.of(), Map.of());

    /** QEMU 7.2's back end types (its {@code NetClientDriver}); {@code nic} is a front end's. */
    private static final Set<String> DRIVERS = Set.of(
            "none",
            "nic",
            "user",
            "tap",
            "l2tpv3",
            "socket",
            "stream",
            "dgram",
            "vde",
            "bridge",
            "hubport",
            "netmap",
            "vhost-user",
            "vhost-vdpa",
            "vmnet-host",
            "vmnet-shared",
            "vmnet-bridged");
    /** The types the model records; the others would open host resources it stands in for. */
    private static final Set<String> MODELED = Set.of("user");

    /** The options of QEMU 7.2's user back end (its {@code NetdevUserOptions}). */
    private static final Set<String> USER_OPTIONS = Set.of(
            "hostname",
            "restrict",
            "ipv4",
            "ipv6",
            "ip",
            "net",
            "host",
            "tftp",
            "bootfile",
            "dhcpstart",
            "dns",
            "dnssearch",
            "domainname",
            "ipv6-prefix",
            "ipv6-prefixlen",
            "ipv6-host",
            "ipv6-dns",
            "smb",
            "smbserver",
            "hostfwd",
            "guestfwd",
            "tftp-server-name");

    public Netdevs {
        byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
        peers = Map.copyOf(peers);
    }

    /**
     * With the back end {@code arguments} describe ({@code netdev_add}'s, or {@code -netdev}'s
     * read into the same form), checked in QEMU's order: the members, the type, the id's form,
     * then a duplicate id.
     *
     * @throws QmpError with QEMU's message
     */
    public Netdevs add(ObjectNode arguments) {
        JsonNode id = arguments.get("id");
        if (id == null) {
            throw QmpError.generic("Parameter 'id' is missing");
        }
        if (!id.isTextual()) {
            throw QmpError.generic("Invalid parameter type for 'id', expected: string");
        }
        JsonNode type = arguments.get("type");
        if (type == null) {
            throw QmpError.generic("Parameter 'type' is missing");
        }
        if (!type.isTextual()) {
            throw QmpError.generic("Invalid parameter type for 'type', expected: string");
        }
        if (!DRIVERS.contains(type.textValue())) {
            throw QmpError.generic("Parameter 'type' does not accept value '" + type.textValue() + "'");
        }
        if (!MODELED.contains(type.textValue())) {
            throw QmpError.generic("netdev type '" + type.textValue() + "' is not modeled by qemu-model yet");
        }
        for (Iterator<String> names = arguments.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("id") && !name.equals("type") && !USER_OPTIONS.contains(name)) {
                throw QmpError.generic("Parameter '" + name + "' is unexpected");
            }
            if (!name.equals("id") && !name.equals("type")) {
                // the user back end's own options (addresses, forwarding, ...) change nothing the
                // model shows, but each has its own checks in QEMU; none is taken on trust
                throw QmpError.generic("netdev option '" + name + "' is not modeled by qemu-model yet");
            }
        }
        QomChecks.requireIdentifier(id.textValue());
        if (byId.containsKey(id.textValue())) {
            throw QmpError.generic("Duplicate ID '" + id.textValue() + "'");
        }
        Map<String, String> next = new LinkedHashMap<>(byId);
        next.put(id.textValue(), type.textValue());
        return new Netdevs(next, peers);
    }

    /**
     * Without back end {@code id} ({@code netdev_del}), which no NIC uses.
     *
     * @throws QmpError {@code DeviceNotFound} when there is none of that id; a refusal as not
     *     modeled when a NIC uses it
     */
    public Netdevs delete(String id) {
        if (!byId.containsKey(id)) {
            throw new QmpError("DeviceNotFound", "Device '" + id + "' not found");
        }
        if (peers.containsKey(id)) {
            // QEMU keeps such a back end, cut off, while its NIC exists, and lets a new one take
            // its name: two back ends of one id, which no description could give back
            throw QmpError.generic("netdev_del of '" + id + "', which the NIC " + peers.get(id)
                    + " uses, is not modeled by qemu-model yet");
        }
        Map<String, String> next = new LinkedHashMap<>(byId);
        next.remove(id);
        return new Netdevs(next, peers);
    }

    /**
     * The check QEMU makes when a NIC's {@code netdev} property is set: the back end exists and
     * no other NIC uses it.
     *
     * @param property the property's full name, {@code TYPE.netdev}
     * @throws QmpError with QEMU's message
     */
    public void checkConnectable(String property, String id) {
        if (!byId.containsKey(id)) {
            throw QmpError.generic("Property '" + property + "' can't find value '" + id + "'");
        }
        if (peers.containsKey(id)) {
            throw QmpError.generic("Property '" + property + "' can't take value '" + id + "', it's in use");
        }
    }

    /** With back end {@code id} serving the NIC at {@code nicPath}. */
    public Netdevs connect(String id, String nicPath) {
        Map<String, String> next = new LinkedHashMap<>(peers);
        next.put(id, nicPath);
        return new Netdevs(byId, next);
    }

    /** The back ends no NIC uses, in the order they were made (QEMU warns of each as it starts). */
    public List<String> withoutPeer() {
        return byId.keySet().stream().filter(id -> !peers.containsKey(id)).toList();
    }
}
