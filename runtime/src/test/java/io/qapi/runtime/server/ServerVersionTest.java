package io.qapi.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qapi.runtime.api.Command;
import io.qapi.runtime.api.Json;
import io.qapi.runtime.protocol.Greeting;
import io.qapi.runtime.transport.Endpoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The version a server carries, in its greeting and in {@code query-version} alike: the
 * application's, or else this library's as the build recorded it (never {@code 0.0.0}); and
 * {@code query-commands}, which lists exactly what the server serves.
 */
class ServerVersionTest extends ServerFixture {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode greetingVersion(RawConnection qmp) throws Exception {
        return JSON.readTree(qmp.line()).path("QMP").path("version");
    }

    private static JsonNode ask(RawConnection qmp, String command) throws Exception {
        qmp.send("{\"execute\": \"" + command + "\"}");
        return JSON.readTree(qmp.line());
    }

    private static List<String> names(JsonNode listing) {
        List<String> names = new ArrayList<>();
        listing.path("return").forEach(c -> names.add(c.path("name").asText()));
        return names;
    }

    @Test
    void theLibrarysVersionAsTheBuildRecordedIt() {
        String expected = System.getProperty("qapi.expectedVersion");
        assertEquals(expected, ServerVersion.release());
        String[] numbers = expected.split("[.-]");
        JsonNode version = ServerVersion.library();
        assertEquals(
                Integer.parseInt(numbers[0]), version.path("qemu").path("major").asInt());
        assertEquals(
                Integer.parseInt(numbers[1]), version.path("qemu").path("minor").asInt());
        assertEquals(
                Integer.parseInt(numbers[2]), version.path("qemu").path("micro").asInt());
        assertEquals("qapi-java " + expected, version.path("package").asText());
        assertNotEquals(Greeting.version(0, 0, 0, ""), version);
        assertEquals(Greeting.version(7, 2, 0, "x"), ServerVersion.of("7.2.0-rc1", "x"));
        assertEquals(Greeting.version(8, 0, 0, "x"), ServerVersion.of("8", "x"));
    }

    @Test
    void aTableWithoutVersionOrListingGetsBothFromTheServer() throws Exception {
        Command ping = Command.named("ping").handler((arguments, in) -> Json.object());
        Endpoint endpoint = start(List.of(ping));
        try (RawConnection qmp = new RawConnection(endpoint)) {
            JsonNode greeted = greetingVersion(qmp);
            assertEquals(ServerVersion.library(), greeted);
            qmp.send("{\"execute\": \"qmp_capabilities\"}");
            qmp.line();
            assertEquals(greeted, ask(qmp, "query-version").path("return"));
            List<String> listed = names(ask(qmp, "query-commands"));
            assertEquals(List.of("qmp_capabilities", "ping", "query-version", "query-commands"), listed);
            for (String command : listed) {
                if (!command.equals("qmp_capabilities")) {
                    assertEquals(false, ask(qmp, command).has("error"), command + " is listed but not served");
                }
            }
            qmp.send("{\"execute\": \"query-version\", \"arguments\": {\"verbose\": true}}");
            assertEquals(
                    "{\"error\": {\"class\": \"GenericError\", \"desc\": \"Parameter 'verbose' is unexpected\"}}",
                    qmp.text());
        }
    }

    @Test
    void theApplicationsVersionInGreetingAndQueryVersionAlike() throws Exception {
        JsonNode mine = Greeting.version(2, 5, 1, "my-vmm 2.5.1");
        Endpoint endpoint =
                start(List.of(), ServerOptions.builder().version(mine).build());
        try (RawConnection qmp = new RawConnection(endpoint)) {
            assertEquals(mine, greetingVersion(qmp));
            qmp.send("{\"execute\": \"qmp_capabilities\"}");
            qmp.line();
            assertEquals(mine, ask(qmp, "query-version").path("return"));
        }
    }

    @Test
    void aTableWithItsOwnQueryVersionIsAskedForTheGreeting() throws Exception {
        Endpoint endpoint = start(new TinyQemu().commands());
        try (RawConnection qmp = new RawConnection(endpoint)) {
            assertEquals(TinyQemu.VERSION, greetingVersion(qmp));
            qmp.send("{\"execute\": \"qmp_capabilities\"}");
            qmp.line();
            List<String> expected = new ArrayList<>(List.of("qmp_capabilities"));
            new TinyQemu().commands().forEach(c -> expected.add(c.name()));
            expected.add("query-commands");
            assertEquals(expected, names(ask(qmp, "query-commands")));
        }
    }

    /** A table that lists itself (a generated dispatcher's) says what is served: nothing is added. */
    @Test
    void aTableWithItsOwnListingIsServedAsGiven() throws Exception {
        Command listing = Command.named("query-commands")
                .handler((arguments, in) -> Json.array().add(Json.object().put("name", "query-commands")));
        Endpoint endpoint = start(List.of(listing));
        try (RawConnection qmp = new RawConnection(endpoint)) {
            assertEquals(ServerVersion.library(), greetingVersion(qmp));
            qmp.send("{\"execute\": \"qmp_capabilities\"}");
            qmp.line();
            assertEquals(List.of("query-commands"), names(ask(qmp, "query-commands")));
            assertEquals(
                    "CommandNotFound",
                    ask(qmp, "query-version").path("error").path("class").asText());
        }
    }
}
