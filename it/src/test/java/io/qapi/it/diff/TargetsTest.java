package io.qapi.it.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** How the candidate's command is made from the properties and the scenario. */
class TargetsTest {
    private String model;
    private String candidate;

    @BeforeEach
    void saveProperties() {
        model = System.getProperty(Targets.MODEL_PROPERTY);
        candidate = System.getProperty(Targets.CANDIDATE_PROPERTY);
        System.clearProperty(Targets.CANDIDATE_PROPERTY);
    }

    @AfterEach
    void restoreProperties() {
        restore(Targets.MODEL_PROPERTY, model);
        restore(Targets.CANDIDATE_PROPERTY, candidate);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    private static Scenario aarch64() throws Exception {
        return Scenario.parse("a", new ObjectMapper().readTree("""
                {"binary": "qemu-system-aarch64", "args": ["-machine", "virt"], "model-args": ["-target", "aarch64"],
                 "steps": [{"execute": "query-target"}]}"""));
    }

    @Test
    void theModelGetsItsOwnArgumentsAndQemuNever() throws Exception {
        System.setProperty(Targets.MODEL_PROPERTY, "/bin/sh -e");
        assertEquals(List.of("/bin/sh", "-e", "-target", "aarch64"), Targets.candidate(aarch64()));
        assertEquals(List.of("qemu-system-aarch64"), Targets.reference(aarch64()));
        System.setProperty(Targets.CANDIDATE_PROPERTY, "qemu");
        assertEquals(List.of("qemu-system-aarch64"), Targets.candidate(aarch64()));
    }

    @Test
    void aMissingModelFailsSayingWhatToDo() throws Exception {
        System.setProperty(Targets.MODEL_PROPERTY, "/nonexistent/qemu-model");
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> Targets.candidate(aarch64()));
        assertTrue(e.getMessage().startsWith("the candidate /nonexistent/qemu-model does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dqapi.diff.candidate=qemu"), e.getMessage());
    }
}
