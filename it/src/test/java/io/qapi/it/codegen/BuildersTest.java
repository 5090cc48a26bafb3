package io.qapi.it.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qapi.compiler.gen.Defines;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Builders of generated records: members named, optional members left out are absent, a missing
 * mandatory member fails at {@code build()} naming it, and the constructor's checks still apply.
 */
class BuildersTest {
    private static final String SCHEMA = """
            { 'struct': 'Disk',
              'data': { 'id': 'str', 'cpus': 'uint8', '*size': 'size', '*ro': 'bool', '*tags': [ 'str' ] } }
            { 'command': 'attach', 'data': { 'disk': 'Disk', '*bus': 'int' } }
            { 'event': 'DISK_ATTACHED', 'data': { 'id': 'str' } }
            """;

    private static CompiledCode code;

    @BeforeAll
    static void generate() {
        code = CompiledCode.compile(
                new Generation("bld", new Defines.Exactly(Set.of()), Set.of(), false).generate(SCHEMA), """
                package bld;

                import java.util.List;

                public class Probe {
                    public static Disk some() {
                        return Disk.builder().id("d0").cpus(4).size(1024L).build();
                    }

                    public static Disk all() {
                        return Disk.builder().id("d0").cpus(4).size(1024L).ro(true).tags(List.of("a")).build();
                    }

                    public static Disk withoutId() {
                        return Disk.builder().cpus(4).build();
                    }

                    public static Disk withoutCpus() {
                        return Disk.builder().id("d0").build();
                    }

                    public static Disk tooManyCpus() {
                        return Disk.builder().id("d0").cpus(256).build();
                    }

                    public static AttachArguments arguments() {
                        return AttachArguments.builder().disk(some()).bus(2L).build();
                    }

                    public static DiskAttachedEvent event() {
                        return DiskAttachedEvent.builder().id("d0").build();
                    }
                }
                """);
    }

    @Test
    void membersLeftOutAreAbsentAndTheValueEqualsTheConstructedOne() {
        Object disk = code.call("bld.Probe", "some");
        assertEquals(Optional.of(1024L), CompiledCode.invokeOn(disk, "size"));
        assertEquals(Optional.empty(), CompiledCode.invokeOn(disk, "ro"));
        assertEquals(Optional.empty(), CompiledCode.invokeOn(disk, "tags"));
        JsonText.assertEquivalent("{ 'id': 'd0', 'cpus': 4, 'size': 1024 }", CompiledCode.toJson(disk));
        JsonText.assertEquivalent(
                "{ 'id': 'd0', 'cpus': 4, 'size': 1024, 'ro': true, 'tags': [ 'a' ] }",
                CompiledCode.toJson(code.call("bld.Probe", "all")));
    }

    @Test
    void aMissingMandatoryMemberFailsAtBuildNamingIt() {
        NullPointerException noId = assertThrows(NullPointerException.class, () -> code.call("bld.Probe", "withoutId"));
        assertEquals("mandatory member 'id' of struct 'Disk' is missing", noId.getMessage());
        NullPointerException noCpus =
                assertThrows(NullPointerException.class, () -> code.call("bld.Probe", "withoutCpus"));
        assertEquals("mandatory member 'cpus' of struct 'Disk' is missing", noCpus.getMessage());
    }

    @Test
    void theConstructorsRangeCheckStillApplies() {
        assertThrows(IllegalArgumentException.class, () -> code.call("bld.Probe", "tooManyCpus"));
    }

    @Test
    void commandArgumentsAndEventsHaveBuildersToo() {
        JsonText.assertEquivalent(
                "{ 'disk': { 'id': 'd0', 'cpus': 4, 'size': 1024 }, 'bus': 2 }",
                CompiledCode.toJson(code.call("bld.Probe", "arguments")));
        JsonText.assertEquivalent("{ 'id': 'd0' }", CompiledCode.toJson(code.call("bld.Probe", "event")));
    }
}
