package io.qapi.machine.capture;

import com.fasterxml.jackson.databind.JsonNode;
import io.qapi.machine.pack.TypeCatalog;
import io.qapi.machine.pack.TypeQueries;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replays what {@link TypeCapture} saw against the catalog built from it, each QEMU instance's
 * requests in their order from a fresh state: every {@code implements=I} listing, every property
 * reply with modules loaded, every reply of a fresh QEMU, what asking about each module type
 * loads, and the successive replies of the bus-counting types. Any difference stops the capture, naming the
 * first few, because the model would answer them wrongly.
 */
final class TypeCheck {
    private static final int SHOWN = 5;

    private TypeCheck() {}

    static void verify(TypeCatalog catalog, TypeCapture seen) throws IOException {
        List<String> differences = new ArrayList<>();
        TypeQueries loaded = new TypeQueries(catalog);
        seen.implementers.forEach((iface, reply) -> expect(
                differences,
                "qom-list-types implements=" + iface,
                loaded.qomListTypes(Optional.of(iface), true),
                reply));
        // each QEMU instance of the capture, replayed request for request from the same state
        seen.sessions.forEach((command, sessions) -> {
            for (List<String> session : sessions) {
                TypeQueries queries = new TypeQueries(catalog);
                queries.qomListTypes(Optional.empty(), false);
                for (String name : session) {
                    expect(
                            differences,
                            command + " " + name,
                            ask(queries, command, name),
                            seen.loadedReplies.get(command).get(name));
                }
            }
        });
        TypeQueries fresh = new TypeQueries(catalog);
        seen.freshQom.forEach((name, reply) -> {
            // a request that aborts QEMU with modules loaded was asked of a QEMU of its own
            TypeQueries queries = catalog.abort(TypeCapture.QOM, name).isPresent() ? new TypeQueries(catalog) : fresh;
            expect(differences, "fresh qom-list-properties " + name, queries.qomListProperties(name), reply);
        });
        for (Map.Entry<String, JsonNode> e : seen.moduleDevice.entrySet()) {
            TypeQueries queries = new TypeQueries(catalog);
            expect(
                    differences,
                    "fresh device-list-properties " + e.getKey(),
                    queries.deviceListProperties(e.getKey()),
                    e.getValue());
            seen.moduleQomAfter
                    .get(e.getKey())
                    .forEach((other, reply) -> expect(
                            differences,
                            "qom-list-properties " + other + " after device-list-properties " + e.getKey(),
                            queries.qomListProperties(other),
                            reply));
        }
        seen.variants.forEach((type, perCommand) -> perCommand.forEach((command, replies) -> {
            TypeQueries queries = new TypeQueries(catalog);
            queries.qomListTypes(Optional.empty(), false);
            for (int i = 0; i < replies.size(); i++) {
                expect(differences, command + " " + type + " #" + (i + 1), ask(queries, command, type), replies.get(i));
            }
        }));
        if (!differences.isEmpty()) {
            throw new IOException(differences.size() + " type replies would differ from QEMU's, e.g. "
                    + String.join("; ", differences.subList(0, Math.min(SHOWN, differences.size()))));
        }
    }

    private static TypeQueries.Answer ask(TypeQueries queries, String command, String type) {
        return command.equals(TypeCapture.QOM) ? queries.qomListProperties(type) : queries.deviceListProperties(type);
    }

    /** {@code reply} null means QEMU aborted on the request. */
    private static void expect(List<String> differences, String request, TypeQueries.Answer answer, JsonNode reply) {
        boolean same = reply == null
                ? answer instanceof TypeQueries.Aborted
                : answer.qmpReply().map(reply::equals).orElse(false);
        if (!same) {
            differences.add(request + ": QEMU " + (reply == null ? "aborts" : abbreviate(reply)) + ", catalog "
                    + answer.qmpReply().map(TypeCheck::abbreviate).orElse("aborts"));
        }
    }

    private static String abbreviate(JsonNode reply) {
        String text = reply.toString();
        return text.length() <= 160 ? text : text.substring(0, 160) + "...";
    }
}
