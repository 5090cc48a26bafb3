package io.qapi.it.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner itself against the real QEMU: that it records what QEMU does (events after the last
 * reply, the exit after quit, start-up errors, steps that get no reply) and that a real
 * difference between two targets is reported where it is.
 */
class RunnerAgainstQemuTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> QEMU = List.of(Scenario.DEFAULT_BINARY);

    @TempDir
    Path dir;

    @BeforeEach
    void needsQemu() {
        Targets.assumeInstalled(Scenario.DEFAULT_BINARY);
    }

    private static Scenario scenario(String text) throws Exception {
        return Scenario.parse("inline", JSON.readTree(text));
    }

    @Test
    void aPlantedDifferenceBetweenTwoRealTargetsIsReportedAtItsPlace() throws Exception {
        Scenario scenario = Scenario.read(Scenarios.directory().resolve("name-and-uuid-defaults.json"));
        List<String> other = List.of(Scenario.DEFAULT_BINARY, "-uuid", "11111111-2222-3333-4444-555555555555");
        String report = Differential.compare(scenario, QEMU, other).orElseThrow();
        assertTrue(
                report.contains("first difference at /replies/1/return/UUID\n"
                        + "  reference: \"00000000-0000-0000-0000-000000000000\"\n"
                        + "  candidate: \"11111111-2222-3333-4444-555555555555\"\n"
                        + "step 2: {\"execute\":\"query-uuid\"}\n"),
                report);
    }

    @Test
    void quitIsFollowedByItsShutdownEventAndASuccessfulExit() throws Exception {
        Scenario scenario = scenario("""
                {"args": ["-machine", "none", "-nodefaults", "-S"], "steps": [{"execute": "cont"}, {"execute": "quit"}]}""");
        JsonNode outcome = Normaliser.normalise(TargetRun.run(QEMU, scenario, dir), scenario);
        assertEquals(JSON.readTree("""
                [{"event": "RESUME"}, {"event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}]"""), outcome.get("events"));
        assertEquals("exited 0", outcome.get("end").asText());
        assertEquals(7, outcome.at("/greeting/version/major").asInt());
        assertEquals(2, outcome.at("/greeting/version/minor").asInt());
    }

    @Test
    void aRefusedCommandLineIsAStartErrorWithoutTheProgramName() throws Exception {
        Scenario scenario = scenario("""
                {"args": ["-machine", "pc", "-nodefaults", "-S", "-smp", "2,sockets=3"], "steps": [{"execute": "query-status"}]}""");
        JsonNode outcome = TargetRun.run(QEMU, scenario, dir);
        assertEquals(1, outcome.at("/start-error/exit").asInt(), outcome.toString());
        assertEquals(
                "Invalid CPU topology: product of the hierarchy must match maxcpus: sockets (3) * dies (1) * cores (0)"
                        + " * threads (1) != maxcpus (2)",
                outcome.at("/start-error/stderr").asText());
    }

    @Test
    void aStepWithoutReplyIsRecordedAsATimeoutAndTheRestIsNotSent() throws Exception {
        // an unfinished JSON object: QEMU waits for the rest of it and never answers
        Scenario scenario = scenario("""
                {"args": ["-machine", "none", "-nodefaults", "-S"],
                 "steps": [{"execute": "query-name"}, {"raw": "{\\"execute\\": \\"query-status\\""}, {"execute": "query-name"}]}""");
        long start = System.nanoTime();
        JsonNode outcome = TargetRun.run(QEMU, scenario, dir);
        assertEquals(
                JSON.readTree("[{\"return\": {}}, {\"timeout\": true}, {\"not-sent\": true}]"), outcome.get("replies"));
        assertTrue(System.nanoTime() - start < TargetRun.STEP_TIMEOUT.toNanos() * 3, "bounded by the step timeout");
    }

    @Test
    void aCandidateThatIsNoEmulatorAtAllIsADifferenceNotAHang() throws Exception {
        Scenario scenario = Scenario.read(Scenarios.directory().resolve("current-machine-none.json"));
        String report =
                Differential.compare(scenario, QEMU, List.of("/bin/false")).orElseThrow();
        assertTrue(report.contains("\"start-error\""), report);
    }
}
