package io.qapi.machine.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.runtime.api.Input;
import io.qapi.runtime.api.QmpError;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** blockdev-add's options read as QEMU 7.2 reads them (texts measured on the real binary). */
class BlockdevOptionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text);
    }

    private static String refusal(String text, Input input) throws Exception {
        ObjectNode options = json(text);
        return assertThrows(QmpError.class, () -> node(options, input)).desc();
    }

    /** The null node the options ask for (a null node needs nothing of the graph). */
    private static NullNode node(ObjectNode options, Input input) {
        return (NullNode) BlockdevOptions.read(options, input).create(BlockGraph.EMPTY);
    }

    @Test
    void aNullNodeWithItsOptions() throws Exception {
        NullNode node = node(json("""
                {"driver": "null-aio", "node-name": "n1", "size": 1000, "read-zeroes": true, "read-only": true}"""), Input.STRICT);
        assertEquals(new NullNode("n1", "null-aio", OptionalLong.of(1000), Optional.of(true), true), node);
        assertEquals(1024, node.virtualSize());
        assertEquals("json:{\"read-zeroes\": true, \"driver\": \"null-aio\", \"size\": 1000}", node.filename());
    }

    @Test
    void aNodeWithoutDriverOptionsIsNamedByItsDriver() throws Exception {
        NullNode node =
                node(json("{\"driver\": \"null-co\", \"node-name\": \"n0\", \"read-only\": true}"), Input.STRICT);
        assertEquals("null-co://", node.filename());
        assertEquals(NullNode.DEFAULT_SIZE, node.virtualSize());
    }

    @Test
    void refusalsInQemusOrder() throws Exception {
        assertEquals("Parameter 'driver' is missing", refusal("{\"node-name\": \"n0\", \"bogus\": 1}", Input.STRICT));
        assertEquals("Invalid parameter type for 'driver', expected: string", refusal("{\"driver\": 5}", Input.STRICT));
        assertEquals(
                "Parameter 'driver' does not accept value 'bogus'",
                refusal("{\"driver\": \"bogus\", \"node-name\": 5}", Input.STRICT));
        assertEquals(
                "Invalid parameter type for 'node-name', expected: string",
                refusal("{\"driver\": \"null-co\", \"node-name\": 5}", Input.STRICT));
        assertEquals(
                "Parameter 'bogus' is unexpected", refusal("{\"driver\": \"null-co\", \"bogus\": 1}", Input.STRICT));
        assertEquals(
                "'node-name' must be specified for the root node", refusal("{\"driver\": \"null-co\"}", Input.STRICT));
        assertEquals(
                "Invalid node-name: '1a'", refusal("{\"driver\": \"null-co\", \"node-name\": \"1a\"}", Input.STRICT));
        assertEquals(
                "Node name too long",
                refusal(
                        "{\"driver\": \"null-co\", \"node-name\": \"b2345678901234567890123456789012\"}",
                        Input.STRICT));
    }

    @Test
    void theKeyvalFormReadsText() throws Exception {
        ObjectNode options =
                json("{\"driver\": \"null-co\", \"node-name\": \"k\", \"size\": \"0x400\", \"read-zeroes\": \"on\"}");
        NullNode node = node(options, Input.KEYVAL);
        assertEquals(OptionalLong.of(1024), node.size());
        assertEquals(Optional.of(true), node.readZeroes());
        assertEquals(
                "Parameter 'size' expects integer",
                refusal("{\"driver\": \"null-co\", \"node-name\": \"k\", \"size\": \"1k\"}", Input.KEYVAL));
        assertEquals(
                "Parameter 'read-zeroes' expects 'on' or 'off'",
                refusal("{\"driver\": \"null-co\", \"node-name\": \"k\", \"read-zeroes\": \"maybe\"}", Input.KEYVAL));
    }

    @Test
    void whatTheModelDoesNotFollowIsRefusedAsNotModeled() throws Exception {
        assertTrue(refusal("{\"driver\": \"qcow2\", \"node-name\": \"f\", \"file\": \"x\"}", Input.STRICT)
                .contains("not modeled"));
        assertTrue(refusal("{\"driver\": \"null-co\", \"node-name\": \"n\", \"discard\": \"unmap\"}", Input.STRICT)
                .contains("not modeled"));
        assertTrue(
                refusal("{\"driver\": \"null-co\", \"node-name\": \"n\", \"cache\": {\"direct\": true}}", Input.STRICT)
                        .contains("not modeled"));
        assertTrue(refusal("{\"driver\": \"null-co\", \"node-name\": \"n\", \"latency-ns\": 5}", Input.STRICT)
                .contains("not modeled"));
        // QEMU 7.2 aborts on a negative size
        assertTrue(refusal("{\"driver\": \"null-co\", \"node-name\": \"n\", \"size\": -1}", Input.STRICT)
                .contains("not modeled"));
    }
}
