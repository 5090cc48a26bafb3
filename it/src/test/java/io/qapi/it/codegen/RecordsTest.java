package io.qapi.it.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qapi.compiler.gen.Defines;
import io.qapi.runtime.api.Input;
import io.qapi.runtime.api.QmpError;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Struct records as values: optional members absent or present, what the compact constructor
 * requires and copies, equality; and members under a condition, for a build without it.
 */
class RecordsTest {
    private static final String SCHEMA = """
            { 'struct': 'Disk',
              'data': { 'id': 'str', '*size': 'size', '*ro': 'bool', 'tags': [ 'str' ],
                        '*aliases': [ 'str' ], '*backing': 'Disk' } }
            { 'struct': 'Device', 'data': { 'id': 'str' } }
            { 'struct': 'Nic', 'base': 'Device', 'data': { 'mac': 'str' } }
            { 'struct': 'Limits',
              'data': { 'soft': 'int', 'hard': { 'type': 'int', 'if': 'CONFIG_HARD' } } }
            """;

    private static CompiledCode code;

    @BeforeAll
    static void generate() {
        code = CompiledCode.compile(
                new Generation("rec", new Defines.Exactly(Set.of("CONFIG_OTHER")), Set.of(), false).generate(SCHEMA),
                """
                package rec;

                import java.util.ArrayList;
                import java.util.List;
                import java.util.Optional;

                public class Probe {
                    public static Disk withNulls() {
                        return new Disk("a", null, null, List.of(), null, null);
                    }

                    public static Disk withoutId() {
                        return new Disk(null, Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
                                Optional.empty());
                    }

                    /** The tags of a disk made from a list changed afterwards. */
                    public static List<String> tagsAfterTheListChanged() {
                        List<String> tags = new ArrayList<>(List.of("x"));
                        Disk disk = new Disk("a", Optional.empty(), Optional.empty(), tags, Optional.empty(),
                                Optional.empty());
                        tags.add("y");
                        return disk.tags();
                    }

                    /** The same for an optional list. */
                    public static List<String> aliasesAfterTheListChanged() {
                        List<String> aliases = new ArrayList<>(List.of("x"));
                        Disk disk = new Disk("a", Optional.empty(), Optional.empty(), List.of(), Optional.of(aliases),
                                Optional.empty());
                        aliases.add("y");
                        return disk.aliases().orElseThrow();
                    }
                }
                """);
    }

    private static Object disk(String json) {
        return code.decode("rec.Disk", Input.STRICT, json);
    }

    @Test
    void absentOptionalMembersAreEmptyAndNotWritten() {
        Object disk = disk("{ 'id': 'a', 'tags': [ ] }");
        assertEquals(Optional.empty(), CompiledCode.invokeOn(disk, "size"));
        assertEquals(Optional.empty(), CompiledCode.invokeOn(disk, "backing"));
        JsonText.assertEquivalent("{ 'id': 'a', 'tags': [ ] }", CompiledCode.toJson(disk));
    }

    @Test
    void presentOptionalMembersAreWrittenEvenWhenFalseOrZero() {
        String json = "{ 'id': 'a', 'size': 0, 'ro': false, 'tags': [ ], 'aliases': [ ] }";
        Object disk = disk(json);
        assertEquals(Optional.of(false), CompiledCode.invokeOn(disk, "ro"));
        JsonText.assertEquivalent(json, CompiledCode.toJson(disk));
    }

    @Test
    void aRecursiveMember() {
        String json = "{ 'id': 'top', 'tags': [ 't' ], 'backing': { 'id': 'base', 'tags': [ ], 'size': 512 } }";
        JsonText.assertEquivalent(json, CompiledCode.toJson(disk(json)));
    }

    @Test
    void nullForAnOptionalMemberMeansAbsent() {
        JsonText.assertEquivalent(
                "{ 'id': 'a', 'tags': [ ] }", CompiledCode.toJson(code.call("rec.Probe", "withNulls")));
    }

    @Test
    void aMandatoryMemberCannotBeNull() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> code.call("rec.Probe", "withoutId"));
        assertEquals("mandatory member 'id' of struct 'Disk' is missing", e.getMessage());
    }

    @Test
    void equalValuesAreEqualRecords() {
        String json = "{ 'id': 'a', 'size': 1, 'tags': [ 'x', 'y' ] }";
        assertEquals(disk(json), disk(json));
        assertEquals(disk(json).hashCode(), disk(json).hashCode());
        assertFalse(disk(json).equals(disk("{ 'id': 'a', 'size': 2, 'tags': [ 'x', 'y' ] }")));
    }

    @Test
    void aListGivenToTheConstructorIsCopied() {
        assertEquals(List.of("x"), code.call("rec.Probe", "tagsAfterTheListChanged"));
    }

    @Test
    void anOptionalListGivenToTheConstructorIsCopiedToo() {
        assertEquals(List.of("x"), code.call("rec.Probe", "aliasesAfterTheListChanged"));
    }

    @Test
    void aMemberWhoseConditionDoesNotHoldIsNotPartOfTheType() {
        // Generated with -D CONFIG_OTHER only: the QEMU this talks to has no 'hard'.
        assertEquals(2, code.type("rec.Limits").getRecordComponents().length, "soft, and the kept members");
        QmpError e =
                assertThrows(QmpError.class, () -> code.decode("rec.Limits", Input.STRICT, "{ 'soft': 1, 'hard': 2 }"));
        assertEquals("Parameter 'hard' is unexpected", e.desc());
        Object lenient = code.decode("rec.Limits", Input.LENIENT, "{ 'soft': 1, 'hard': 2 }");
        JsonText.assertEquivalent("{ 'soft': 1, 'hard': 2 }", CompiledCode.toJson(lenient));
    }

    @Test
    void aStructWithABaseCanBeHandledAsItsBase() {
        Class<?> fields = code.type("rec.DeviceFields");
        assertTrue(fields.isAssignableFrom(code.type("rec.Nic")));
        Object nic = code.decode("rec.Nic", Input.STRICT, "{ 'id': 'n0', 'mac': '52:54:00:12:34:56' }");
        assertEquals("n0", CompiledCode.invokeOn(nic, "id"));
    }

    @Test
    void aBaseStructImplementsItsOwnFieldsInterface() {
        // DeviceFields says it is "implemented by it and by every type that extends it".
        assertTrue(code.type("rec.DeviceFields").isAssignableFrom(code.type("rec.Device")));
    }
}
