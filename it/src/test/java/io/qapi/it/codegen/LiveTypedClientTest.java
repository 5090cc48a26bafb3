package io.qapi.it.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.JavaFile;
import io.qapi.compiler.gen.Defines;
import io.qapi.compiler.gen.GenOptions.Target;
import io.qapi.runtime.api.EventType;
import io.qapi.runtime.api.QmpCaller;
import io.qapi.runtime.api.QmpError;
import io.qapi.runtime.client.QmpClient;
import io.qapi.runtime.transport.Endpoint;
import io.qapi.testsupport.QemuProcess;
import io.qapi.testsupport.SharedQemu;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client generated from QEMU 7.2's schema, over our QMP client, against the real QEMU 7.2
 * binary: every query command without arguments through its typed method (each reply decoded
 * into the generated types and written back to equal JSON), typed STOP and RESUME events, and
 * errors as QmpError.
 */
class LiveTypedClientTest {
    private static final String PKG = "org.qemu.qmp";
    private static CompiledCode code;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() {
        QemuProcess.assumeInstalled();
        Path schema = SharedQemu.path("v7.2.0/qapi/qapi-schema.json");
        List<JavaFile> generated = new Generation(
                        PKG, Defines.EVERYTHING, Set.of(Target.TYPES, Target.CLIENT, Target.EVENTS), true)
                .generate(schema);
        code = CompiledCode.compile(generated);
    }

    private Object typedClient(QmpCaller caller) throws Exception {
        Class<?> client = code.type(PKG + ".Client");
        return client.getMethod("over", QmpCaller.class).invoke(null, caller);
    }

    @Test
    void everyArgumentFreeQueryDecodesIntoTheGeneratedTypes() throws Exception {
        try (QemuProcess qemu = QemuProcess.start("pc", dir);
                QmpClient qmp = QmpClient.connect(Endpoint.unix(qemu.socket()))) {
            // Keep each raw reply, to compare the typed value with what QEMU sent.
            JsonNode[] lastReply = new JsonNode[1];
            Object client = typedClient(
                    (command, arguments) -> qmp.call(command, arguments).thenApply(reply -> lastReply[0] = reply));
            Set<String> answered = new TreeSet<>();
            List<String> refused = new ArrayList<>();
            for (Method m : code.type(PKG + ".Client").getMethods()) {
                boolean query = m.getName().startsWith("query") || m.getName().startsWith("xQuery");
                if (!query || m.getParameterCount() != 0 || m.getName().endsWith("Async") || !m.isDefault()) {
                    continue;
                }
                Object value;
                try {
                    value = m.invoke(client);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof QmpError error) {
                        // Refused by this machine or build (CommandNotFound, GenericError): a proper reply.
                        assertTrue(
                                !error.errorClass().isEmpty() && !error.desc().isEmpty());
                        refused.add(m.getName());
                        continue;
                    }
                    throw e;
                }
                if (value != null) {
                    JsonText.assertEquivalent(lastReply[0], CompiledCode.toJson(value), m.getName());
                }
                answered.add(m.getName());
            }
            assertTrue(answered.size() >= 40, "answered: " + answered + ", refused: " + refused);
            assertTrue(
                    answered.contains("queryVersion") && answered.contains("queryCpuDefinitions"), answered::toString);
        }
    }

    @Test
    void stopAndContGiveTypedEvents() throws Exception {
        try (QemuProcess qemu = QemuProcess.start("pc", dir);
                QmpClient qmp = QmpClient.connect(Endpoint.unix(qemu.socket()))) {
            Object client = typedClient(qmp);
            Class<?> events = code.type(PKG + ".Events");
            EventType<?> stop = (EventType<?>) events.getField("STOP").get(null);
            EventType<?> resume = (EventType<?>) events.getField("RESUME").get(null);
            var resumes = qmp.subscribe(resume);
            var stops = qmp.subscribe(stop);
            code.type(PKG + ".Client").getMethod("cont").invoke(client);
            assertEquals(
                    PKG + ".run_state.ResumeEvent",
                    resumes.next(Duration.ofSeconds(10)).getClass().getName());
            code.type(PKG + ".Client").getMethod("stop").invoke(client);
            assertEquals(
                    PKG + ".run_state.StopEvent",
                    stops.next(Duration.ofSeconds(10)).getClass().getName());
        }
    }

    @Test
    void errorsAreQmpErrors() throws Exception {
        try (QemuProcess qemu = QemuProcess.start("none", dir);
                QmpClient qmp = QmpClient.connect(Endpoint.unix(qemu.socket()))) {
            Object client = typedClient(qmp);
            Method types = code.type(PKG + ".Client").getMethod("qomListTypes");
            assertTrue(types.invoke(client) instanceof List<?>);
            InvocationTargetException e = assertThrows(
                    InvocationTargetException.class,
                    () -> code.type(PKG + ".Client")
                            .getMethod("deviceListProperties", String.class)
                            .invoke(client, "nosuchdev"));
            QmpError error = (QmpError) e.getCause();
            assertEquals("DeviceNotFound", error.errorClass());
            assertEquals("Device 'nosuchdev' not found", error.desc());
        }
    }
}
