package io.qapi.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.runtime.api.Json;
import io.qapi.runtime.api.QmpError;
import io.qapi.runtime.protocol.Greeting;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * {@code qmp_capabilities}: the one command a session accepts before negotiation, and the end
 * of negotiation. Its arguments are read as QEMU reads them, messages included (an unknown
 * capability in the list is reported for {@code 'null'}, as QEMU names list elements there).
 */
final class Negotiation {
    static final String COMMAND = "qmp_capabilities";

    private Negotiation() {}

    static JsonNode run(Requester requester, ObjectNode arguments, boolean offersOob) {
        List<String> enable = enable(arguments);
        if (requester.negotiated()) {
            throw new QmpError(
                    QmpError.COMMAND_NOT_FOUND, "Capabilities negotiation is already complete, command ignored");
        }
        List<String> unavailable = new ArrayList<>();
        for (String capability : enable) {
            if (!offersOob && !unavailable.contains(capability)) {
                unavailable.add(capability);
            }
        }
        if (!unavailable.isEmpty()) {
            throw QmpError.generic("Capability " + String.join(", ", unavailable) + " not available");
        }
        if (!requester.negotiate(enable.contains(Greeting.OOB))) {
            // The session has been closed (too many sessions, or too late): no one reads this.
            throw QmpError.generic("The server has no room for another QMP session");
        }
        return Json.object();
    }

    /** The {@code enable} list, checked as QEMU's input visitor checks it. */
    private static List<String> enable(ObjectNode arguments) {
        List<String> enable = new ArrayList<>();
        JsonNode list = arguments.get("enable");
        if (list != null) {
            if (!list.isArray()) {
                throw QmpError.generic("Invalid parameter type for 'enable', expected: array");
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode element = list.get(i);
                if (!element.isTextual()) {
                    throw QmpError.generic("Invalid parameter type for 'enable[" + i + "]', expected: string");
                }
                if (!Greeting.OOB.equals(element.textValue())) {
                    throw QmpError.generic("Parameter 'null' does not accept value '" + element.textValue() + "'");
                }
                enable.add(element.textValue());
            }
        }
        Iterator<String> names = arguments.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("enable")) {
                throw QmpError.generic("Parameter '" + name + "' is unexpected");
            }
        }
        return enable;
    }
}
