package io.qapi.it.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qapi.runtime.api.Input;
import io.qapi.runtime.api.QmpError;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replies and events read leniently, as a client reads what a newer QEMU sends: members,
 * enum values and union branches this code does not know are kept, and writing the value
 * gives back what was read.
 */
class LenientDecodingTest {
    private static final String SCHEMA = """
            { 'enum': 'Kind', 'data': [ 'cpu', 'disk' ] }
            { 'struct': 'Cpu', 'data': { 'cores': 'int' } }
            { 'union': 'Device', 'base': { 'kind': 'Kind', 'id': 'str' },
              'discriminator': 'kind', 'data': { 'cpu': 'Cpu' } }
            { 'alternate': 'KindOrCount', 'data': { 'kind': 'Kind', 'count': 'int' } }
            { 'struct': 'Status',
              'data': { 'name': 'str', '*kind': 'Kind', '*kinds': [ 'Kind' ],
                        '*devices': [ 'Device' ], '*which': 'KindOrCount', '*cpu': 'Cpu' } }
            """;

    private static CompiledCode code;

    @BeforeAll
    static void generate() {
        code = CompiledCode.compile(Generation.of("lenient").generate(SCHEMA), """
                package lenient;

                public class Probe {
                    /** Which branch the visitor sees, and what it knows of it. */
                    public static String visit(Device device) {
                        return device.accept(new Device.Visitor<String>() {
                            @Override
                            public String visitCpu(Device.Cpu value) {
                                return "cpu " + value.value().cores();
                            }

                            @Override
                            public String visitDisk(Device.Disk value) {
                                return "disk " + device.id();
                            }

                            @Override
                            public String visitUnrecognized(Device.Unrecognized value) {
                                return "unrecognized " + value.wireTag() + " " + value.kind();
                            }
                        });
                    }
                }
                """);
    }

    private static Object lenient(String json) {
        return code.decode("lenient.Status", Input.LENIENT, json);
    }

    /** Reads leniently and writes back: the JSON must come out as it went in. */
    private static Object roundTrip(String json) {
        Object status = lenient(json);
        JsonText.assertEquivalent(json, CompiledCode.toJson(status));
        return status;
    }

    @Test
    void anUnknownMemberIsKeptAndWrittenBack() {
        Object status = roundTrip("{ 'name': 'a', 'added-in-v12': { 'x': [ 1, 2 ] } }");
        assertEquals(
                Map.of("added-in-v12", JsonText.parse("{ 'x': [ 1, 2 ] }")),
                CompiledCode.invokeOn(status, "additionalMembers"));
    }

    @Test
    void anUnknownMemberIsAnErrorWhenStrict() {
        QmpError e = assertThrows(
                QmpError.class,
                () -> code.decode("lenient.Status", Input.STRICT, "{ 'name': 'a', 'added-in-v12': 1 }"));
        assertEquals("Parameter 'added-in-v12' is unexpected", e.desc());
    }

    @Test
    void anUnknownMemberOfANestedObjectIsKept() {
        roundTrip("{ 'name': 'a', 'cpu': { 'cores': 2, 'threads': 4 } }");
    }

    @Test
    void anUnknownEnumValueReadsAsUnrecognizedAndIsWrittenBack() {
        Object status = roundTrip("{ 'name': 'a', 'kind': 'gpu' }");
        Object kind = ((Optional<?>) CompiledCode.invokeOn(status, "kind")).orElseThrow();
        assertEquals("UNRECOGNIZED", ((Enum<?>) kind).name());
    }

    @Test
    void anUnknownEnumValueInAListIsWrittenBack() {
        roundTrip("{ 'name': 'a', 'kinds': [ 'cpu', 'gpu', 'disk' ] }");
    }

    @Test
    void anUnknownUnionBranchIsKeptWhole() {
        Object status = roundTrip("{ 'name': 'a', 'devices': [ { 'kind': 'gpu', 'id': 'g0', 'vram': 8 } ] }");
        Object device = ((List<?>) ((Optional<?>) CompiledCode.invokeOn(status, "devices")).orElseThrow()).get(0);
        assertEquals("unrecognized gpu UNRECOGNIZED", code.call("lenient.Probe", "visit", device));
        assertEquals("g0", CompiledCode.invokeOn(device, "id"));
    }

    @Test
    void knownUnionBranchesReadAsTheirRecords() {
        Object status = roundTrip("{ 'name': 'a', 'devices': [ { 'kind': 'cpu', 'id': 'c0', 'cores': 2 },"
                + " { 'kind': 'disk', 'id': 'd0' } ] }");
        List<?> devices = (List<?>) ((Optional<?>) CompiledCode.invokeOn(status, "devices")).orElseThrow();
        assertEquals("cpu 2", code.call("lenient.Probe", "visit", devices.get(0)));
        assertEquals("disk d0", code.call("lenient.Probe", "visit", devices.get(1)));
    }

    @Test
    void anUnknownMemberOfAKnownUnionBranchIsKept() {
        roundTrip("{ 'name': 'a', 'devices': [ { 'kind': 'cpu', 'id': 'c0', 'cores': 2, 'threads': 2 } ] }");
    }

    @Test
    void anUnknownEnumValueInAnAlternateIsWrittenBack() {
        roundTrip("{ 'name': 'a', 'which': 'gpu' }");
    }

    @Test
    void knownValuesReadLenientlyEqualTheSameValuesReadStrictly() {
        String json = "{ 'name': 'a', 'kind': 'disk', 'kinds': [ 'cpu' ], 'which': 3,"
                + " 'devices': [ { 'kind': 'cpu', 'id': 'c0', 'cores': 2 } ], 'cpu': { 'cores': 1 } }";
        assertEquals(code.decode("lenient.Status", Input.STRICT, json), lenient(json));
        JsonText.assertEquivalent(json, CompiledCode.toJson(lenient(json)));
    }
}
