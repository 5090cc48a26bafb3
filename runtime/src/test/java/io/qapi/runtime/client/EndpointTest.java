package io.qapi.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qapi.runtime.transport.Endpoint;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The spellings of an endpoint a client or server accepts. */
class EndpointTest {
    @Test
    void unixAndTcpSpellings() {
        assertEquals(Endpoint.unix(Path.of("/run/qmp.sock")), Endpoint.parse("unix:/run/qmp.sock"));
        assertEquals(Endpoint.unix(Path.of("/run/qmp.sock")), Endpoint.parse("/run/qmp.sock"));
        assertEquals(Endpoint.unix(Path.of("./qmp.sock")), Endpoint.parse("./qmp.sock"));
        assertEquals(Endpoint.tcp("localhost", 4444), Endpoint.parse("localhost:4444"));
        assertEquals(Endpoint.tcp("127.0.0.1", 4444), Endpoint.parse("tcp:127.0.0.1:4444"));
        assertEquals(Endpoint.tcp("::1", 4444), Endpoint.parse("[::1]:4444"));
        assertEquals("tcp:[::1]:4444", Endpoint.parse("[::1]:4444").toString());
        assertEquals("unix:/run/qmp.sock", Endpoint.parse("/run/qmp.sock").toString());
    }

    @Test
    void nonsense() {
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("qmp.sock"));
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("host:port"));
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("host:70000"));
    }
}
