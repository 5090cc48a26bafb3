package io.qapi.runtime.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qapi.runtime.client.ClientOptions;
import io.qapi.runtime.client.QmpClient;
import io.qapi.runtime.client.QmpListener;
import io.qapi.runtime.transport.Endpoint;
import io.qapi.testsupport.QemuProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real QEMU whose monitor connects to the client ({@code -qmp unix:PATH}, no {@code server=on}). */
class ReverseQemuTest {
    @TempDir
    Path dir;

    @Test
    void qemuConnectsToAListeningClient() throws Exception {
        QemuProcess.assumeInstalled();
        Path socket = dir.resolve("reverse.sock");
        ClientOptions options = ClientOptions.defaults().withConnectTimeout(Duration.ofSeconds(30));
        try (QmpListener listener = QmpClient.listen(Endpoint.unix(socket), options);
                QemuProcess qemu = QemuProcess.connectingTo(socket);
                QmpClient qmp = listener.accept()) {
            assertTrue(
                    qmp.greeting().qemuVersion().startsWith("7."),
                    qmp.greeting().qemuVersion());
            assertTrue(qmp.oobEnabled(), "QEMU offers out-of-band execution on a QMP monitor");
            assertEquals(
                    "running",
                    qmp.execute("query-status", null)
                            .get(10, TimeUnit.SECONDS)
                            .path("status")
                            .asText());
            qmp.execute("quit", null).get(10, TimeUnit.SECONDS);
            assertTrue(qemu.awaitExit(Duration.ofSeconds(10)), "QEMU did not quit");
        }
    }
}
