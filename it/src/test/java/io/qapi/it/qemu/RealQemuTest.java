package io.qapi.it.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.qapi.runtime.api.Calls;
import io.qapi.runtime.api.EventType;
import io.qapi.runtime.api.Json;
import io.qapi.runtime.api.QmpError;
import io.qapi.runtime.client.EventSubscription;
import io.qapi.runtime.client.QmpClient;
import io.qapi.runtime.introspect.SchemaIndex;
import io.qapi.runtime.transport.Endpoint;
import io.qapi.testsupport.QemuProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our client against the real QEMU 7.2: negotiation, every argument-free query, events, OOB, errors. */
class RealQemuTest {
    /** Events without data, decoded as generated event records are. */
    record Stop() {}

    record Resume() {}

    static final EventType<Stop> STOP = new EventType<>(
            "STOP",
            Stop.class,
            (in, json, path) -> {
                in.object(json, path).finish();
                return new Stop();
            },
            List.of());
    static final EventType<Resume> RESUME = new EventType<>(
            "RESUME",
            Resume.class,
            (in, json, path) -> {
                in.object(json, path).finish();
                return new Resume();
            },
            List.of());

    @TempDir
    Path dir;

    @Test
    void negotiatesWithOutOfBand() throws Exception {
        try (QemuProcess qemu = QemuProcess.start("none", dir);
                QmpClient qmp = QmpClient.connect(Endpoint.unix(qemu.socket()))) {
            assertTrue(
                    qmp.greeting().qemuVersion().startsWith("7.2."),
                    qmp.greeting().toString());
            assertEquals(List.of("oob"), qmp.greeting().capabilities());
            assertTrue(qmp.oobEnabled());
        }
    }

    /** Every query command that needs no arguments, each reply read against the schema QEMU reports. */
    @Test
    void everyArgumentFreeQueryAnswersAsItsSchemaSays() throws Exception {
        try (QemuProcess qemu = QemuProcess.start("none", dir);
                QmpClient qmp = QmpClient.connect(Endpoint.unix(qemu.socket()))) {
            JsonNode schema = qmp.execute("query-qmp-schema", null).get(30, TimeUnit.SECONDS);
            SchemaIndex index = SchemaIndex.of(schema);
            List<String> answered = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (JsonNode command : index.entries("command")) {
                String name = command.path("name").asText();
                if (!(name.startsWith("query-") || name.startsWith("x-query-")) || !argumentFree(index, command)) {
                    continue;
                }
                try {
                    JsonNode reply = qmp.execute(name, null).get(60, TimeUnit.SECONDS);
                    problems.addAll(SchemaConformance.check(
                            schema, command.path("ret-type").asText(), reply, name));
                    answered.add(name);
                } catch (ExecutionException e) {
                    QmpError error = assertInstanceOf(QmpError.class, e.getCause(), name);
                    assertFalse(error.errorClass().isEmpty() || error.desc().isEmpty(), name);
                    refused.add(name + ": " + error);
                }
            }
            System.out.println(answered.size() + " queries answered, " + refused.size() + " refused: " + refused);
            assertEquals(List.of(), problems);
            assertTrue(answered.size() >= 50, answered.toString()); // 58 with QEMU 7.2 on -machine none
            assertTrue(answered.contains("query-version") && answered.contains("query-cpu-definitions"));
        }
    }

    private static boolean argumentFree(SchemaIndex index, JsonNode command) {
        JsonNode arguments = index.get(command.path("arg-type").asText());
        if (arguments == null) {
            return true;
        }
        for (JsonNode member : arguments.path("members")) {
            if (!member.has("default")) {
                return false;
            }
        }
        return !arguments.has("tag");
    }

    @Test
    void stopAndContSendTypedEvents() throws Exception {
        try (QemuProcess qemu = QemuProcess.start("pc", dir);
                QmpClient qmp = QmpClient.connect(Endpoint.unix(qemu.socket()));
                EventSubscription<Resume> resumes = qmp.subscribe(RESUME);
                EventSubscription<Stop> stops = qmp.subscribe(STOP)) {
            qmp.execute("cont", null).get(30, TimeUnit.SECONDS);
            assertEquals(new Resume(), resumes.next(Duration.ofSeconds(10)));
            assertEquals(
                    "running",
                    qmp.execute("query-status", null)
                            .get(10, TimeUnit.SECONDS)
                            .path("status")
                            .asText());
            qmp.execute("stop", null).get(30, TimeUnit.SECONDS);
            assertEquals(new Stop(), stops.next(Duration.ofSeconds(10)));
            assertEquals(
                    "paused",
                    qmp.execute("query-status", null)
                            .get(10, TimeUnit.SECONDS)
                            .path("status")
                            .asText());
        }
    }

    @Test
    void outOfBandYank() throws Exception {
        try (QemuProcess qemu = QemuProcess.start("none", dir);
                QmpClient qmp = QmpClient.connect(Endpoint.unix(qemu.socket()))) {
            JsonNode yank = qmp.executeOob("yank", Json.object().set("instances", Json.array()))
                    .get(10, TimeUnit.SECONDS);
            assertEquals(Json.object(), yank);
            JsonNode instances = qmp.executeOob("query-yank", null).get(10, TimeUnit.SECONDS);
            assertEquals("compat_monitor0", instances.path(0).path("id").asText(), instances.toString());
            QmpError refused = assertThrows(QmpError.class, () -> Calls.await(qmp.executeOob("query-version", null)));
            assertEquals("The command query-version does not support OOB", refused.desc());
        }
    }

    @Test
    void errorsAreQmpErrorsWithClassAndDesc() throws Exception {
        try (QemuProcess qemu = QemuProcess.start("none", dir);
                QmpClient qmp = QmpClient.connect(Endpoint.unix(qemu.socket()))) {
            QmpError notFound = assertThrows(
                    QmpError.class,
                    () -> Calls.await(qmp.execute(
                            "qom-get", Json.object().put("path", "/nope").put("property", "type"))));
            assertEquals("DeviceNotFound", notFound.errorClass());
            assertEquals("Device '/nope' not found", notFound.desc());
            QmpError missing =
                    assertThrows(QmpError.class, () -> Calls.await(qmp.execute("device-list-properties", null)));
            assertEquals("GenericError", missing.errorClass());
            assertEquals("Parameter 'typename' is missing", missing.desc());
            QmpError unknown = assertThrows(QmpError.class, () -> Calls.await(qmp.execute("no-such-command", null)));
            assertEquals("CommandNotFound", unknown.errorClass());
            assertEquals("The command no-such-command has not been found", unknown.desc());
        }
    }
}
