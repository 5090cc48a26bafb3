package io.qapi.it.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qapi.runtime.api.Input;
import io.qapi.runtime.api.QmpError;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * QAPI's integer types: their ranges when reading (with QEMU's messages, from its
 * {@code qapi-visit-core.c} and {@code qobject-input-visitor.c}) and when building values in
 * code, and the unsigned 64-bit ones, which Java holds in a {@code long}.
 */
class IntegersTest {
    private static final String SCHEMA = """
            { 'struct': 'Numbers',
              'data': { '*i8': 'int8', '*i16': 'int16', '*i32': 'int32', '*i64': 'int64',
                        '*u8': 'uint8', '*u16': 'uint16', '*u32': 'uint32', '*u64': 'uint64',
                        '*sz': 'size', '*counts': [ 'uint8' ], '*inner': 'Numbers' } }
            { 'struct': 'Bounded', 'data': { 'u8': 'uint8', '*u32': 'uint32', 'counts': [ 'uint8' ] } }
            """;

    private static CompiledCode code;

    @BeforeAll
    static void generate() {
        code = CompiledCode.compile(Generation.of("ints").generate(SCHEMA), """
                package ints;

                import java.util.List;
                import java.util.Optional;

                public class Probe {
                    public static Object bounded(int u8, long u32, List<Integer> counts) {
                        return new Bounded(u8, Optional.of(u32), counts);
                    }
                }
                """);
    }

    private static Object decode(String json) {
        return code.decode("ints.Numbers", Input.STRICT, json);
    }

    private static String error(String json) {
        return assertThrows(QmpError.class, () -> decode(json)).desc();
    }

    private static void roundTrips(String json) {
        JsonText.assertEquivalent(json, CompiledCode.toJson(decode(json)));
    }

    @Test
    void everyTypeTakesItsLimits() {
        roundTrips("{ 'i8': -128, 'i16': -32768, 'i32': -2147483648, 'i64': -9223372036854775808,"
                + " 'u8': 0, 'u16': 0, 'u32': 0, 'u64': 0, 'sz': 0 }");
        roundTrips("{ 'i8': 127, 'i16': 32767, 'i32': 2147483647, 'i64': 9223372036854775807,"
                + " 'u8': 255, 'u16': 65535, 'u32': 4294967295, 'u64': 18446744073709551615,"
                + " 'sz': 18446744073709551615 }");
    }

    @Test
    void aValueOutsideARangeNamesTheCType() {
        assertEquals("Parameter 'i8' expects int8_t", error("{ 'i8': 128 }"));
        assertEquals("Parameter 'i16' expects int16_t", error("{ 'i16': -32769 }"));
        assertEquals("Parameter 'i32' expects int32_t", error("{ 'i32': 2147483648 }"));
        assertEquals("Parameter 'u8' expects uint8_t", error("{ 'u8': 256 }"));
        assertEquals("Parameter 'u16' expects uint16_t", error("{ 'u16': 65536 }"));
        assertEquals("Parameter 'u32' expects uint32_t", error("{ 'u32': 4294967296 }"));
    }

    @Test
    void aNegativeValueForASmallUnsignedTypeIsOutOfItsRange() {
        // QEMU reads it as uint64 (where -1 is 2^64 - 1), then checks the range.
        assertEquals("Parameter 'u8' expects uint8_t", error("{ 'u8': -1 }"));
        assertEquals("Parameter 'u32' expects uint32_t", error("{ 'u32': -1 }"));
    }

    @Test
    void aRangeErrorNamesTheMemberAloneAsInQemu() {
        // visit_type_intN and visit_type_uintN use the bare name, unlike the type errors.
        assertEquals("Parameter 'u8' expects uint8_t", error("{ 'inner': { 'u8': 256 } }"));
        assertEquals("Parameter 'null' expects uint8_t", error("{ 'counts': [ 1, 256 ] }"));
    }

    @Test
    void anInt64OutsideItsRangeIsNotAnInteger() {
        // QEMU's qobject_input_type_int64: a number that is no int64 is the wrong type.
        assertEquals("Invalid parameter type for 'i64', expected: integer", error("{ 'i64': 9223372036854775808 }"));
        assertEquals("Invalid parameter type for 'i8', expected: integer", error("{ 'i8': 9223372036854775808 }"));
    }

    @Test
    void uint64TakesNegativeNumbersAsTheirTwosComplement() {
        Object n = decode("{ 'u64': -1 }");
        assertEquals(Optional.of(-1L), CompiledCode.invokeOn(n, "u64"));
        JsonText.assertEquivalent("{ 'u64': 18446744073709551615 }", CompiledCode.toJson(n));
    }

    @Test
    void uint64AboveLongMaxIsHeldWithUnsignedMeaning() {
        Object n = decode("{ 'u64': 18446744073709551615, 'sz': 9223372036854775808 }");
        assertEquals(Optional.of(-1L), CompiledCode.invokeOn(n, "u64"));
        assertEquals(Optional.of(Long.MIN_VALUE), CompiledCode.invokeOn(n, "sz"));
    }

    @Test
    void unsigned64BitErrorsSayUint64AsInQemu() {
        // qobject_input_type_uint64 says "expects uint64" for anything it cannot take, and
        // size reads as uint64 from JSON: QEMU 7.2 replies "Parameter 'size' expects uint64"
        // to object-add memory-backend-ram with "size": "64M".
        assertEquals("Parameter 'u64' expects uint64", error("{ 'u64': 18446744073709551616 }"));
        assertEquals("Parameter 'u64' expects uint64", error("{ 'u64': 'many' }"));
        assertEquals("Parameter 'u64' expects uint64", error("{ 'u64': 1.5 }"));
        assertEquals("Parameter 'sz' expects uint64", error("{ 'sz': '64M' }"));
        assertEquals("Parameter 'sz' expects uint64", error("{ 'sz': 18446744073709551616 }"));
    }

    @Test
    void smallUnsignedTypesAreReadAsUint64First() {
        // visit_type_uintN reads a uint64 before checking the range.
        assertEquals("Parameter 'u8' expects uint64", error("{ 'u8': 'x' }"));
        assertEquals("Parameter 'u16' expects uint64", error("{ 'u16': 2.5 }"));
    }

    @Test
    void valuesBuiltInCodeAreCheckedToo() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> code.call("ints.Probe", "bounded", 256, 0L, List.of()));
        assertEquals("member 'u8' must be between 0 and 255, not 256", e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> code.call("ints.Probe", "bounded", 1, 4294967296L, List.of()));
        assertEquals("member 'u32' must be between 0 and 4294967295, not 4294967296", e.getMessage());
        JsonText.assertEquivalent(
                "{ 'u8': 255, 'u32': 4294967295, 'counts': [ 7 ] }",
                CompiledCode.toJson(code.call("ints.Probe", "bounded", 255, 4294967295L, List.of(7))));
    }

    @Test
    void listElementsBuiltInCodeAreCheckedLikeMembers() {
        // Otherwise the value writes JSON that QEMU rejects.
        assertThrows(IllegalArgumentException.class, () -> code.call("ints.Probe", "bounded", 1, 0L, List.of(256)));
    }
}
