package io.qapi.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Completions from QEMU 7.2's own {@code query-qmp-schema}. */
class ShellCompletionTest {
    private final Completions completions = new Completions(SchemaFixture.qemu72Schema());

    private List<String> words(String line) {
        return completions.complete(line).stream()
                .map(Completions.Completion::word)
                .toList();
    }

    @Test
    void commandNames() {
        assertEquals(List.of("query-chardev", "query-chardev-backends"), words("query-char"));
        assertTrue(completions.complete("query-char").stream().allMatch(Completions.Completion::complete));
        // x86's QEMU has no query-cpu-model-baseline (s390x has)
        assertEquals(
                List.of("query-cpu-definitions", "query-cpu-model-expansion", "query-cpus-fast"), words("query-cpu"));
        List<String> all = words("");
        assertEquals(216, all.size(), "QEMU 7.2 with -machine none offers 216 commands");
        assertTrue(all.contains("qmp_capabilities") && all.contains("device_add"));
    }

    @Test
    void argumentNamesInSchemaOrderWaitingForTheirValue() {
        assertEquals(List.of("driver=", "bus=", "id="), words("device_add "));
        assertEquals(List.of("bus="), words("device_add b"));
        assertFalse(completions.complete("device_add ").get(0).complete());
    }

    @Test
    void argumentsAlreadyGivenAreNotOfferedAgain() {
        assertEquals(List.of("bus=", "id="), words("device_add driver=e1000 "));
        assertEquals(List.of("property="), words("qom-get path=/machine "));
    }

    @Test
    void membersOfObjectArgumentsByDottedName() {
        assertEquals(List.of("type=", "model=", "model."), words("query-cpu-model-expansion "));
        assertEquals(List.of("model.name=", "model.props="), words("query-cpu-model-expansion type=full model."));
        assertEquals(List.of("model.props="), words("query-cpu-model-expansion model.name=max model."));
    }

    @Test
    void enumAndBooleanValues() {
        assertEquals(List.of("type=static", "type=full"), words("query-cpu-model-expansion type="));
        assertEquals(List.of("type=full"), words("query-cpu-model-expansion type=f"));
        assertTrue(
                completions.complete("query-cpu-model-expansion type=f").get(0).complete());
        assertEquals(List.of("abstract=true", "abstract=false"), words("qom-list-types abstract="));
        assertEquals(
                List.of("panic=pause", "panic=shutdown", "panic=exit-failure", "panic=none"),
                words("set-action panic="));
        assertEquals(List.of(), words("qom-get path="), "a string has no list of values");
    }

    @Test
    void theMembersOfTheUnionBranchTheTagChose() {
        List<String> before = words("blockdev-add ");
        assertTrue(before.contains("driver=") && before.contains("node-name="));
        assertFalse(before.contains("filename="), "no branch chosen yet");
        assertTrue(words("blockdev-add driver=").contains("driver=qcow2"));
        List<String> file = words("blockdev-add driver=file ");
        assertTrue(file.contains("filename=") && file.contains("aio="), file.toString());
        assertFalse(file.contains("driver="));
        assertEquals(List.of("aio=threads", "aio=native", "aio=io_uring"), words("blockdev-add driver=file aio="));
    }

    @Test
    void nothingForUnknownCommandsUnknownArgumentsOrJson() {
        assertEquals(List.of(), words("no-such-command "));
        assertEquals(List.of(), words("device_add no-such-argument="));
        assertEquals(List.of(), words("{\"execute\": \"qu"));
    }
}
