package io.qapi.it.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qapi.testsupport.SharedQemu;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenario format: what it accepts, what it refuses, and the rules our own files follow. */
class ScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Scenario parse(String text) throws Exception {
        return Scenario.parse("t", JSON.readTree(text));
    }

    @Test
    void theReferenceHarnessFormatIsRead() throws Exception {
        Scenario s = parse("""
                {"args": ["-machine", "none"], "steps": [{"raw": "{"}, {"execute": "stop"}], "unordered": []}""");
        assertEquals(List.of("-machine", "none"), s.args());
        assertEquals("qemu-system-x86_64", s.binary());
        assertEquals("{", Scenario.wireText(s.steps().get(0)));
        assertEquals("{\"execute\":\"stop\"}", Scenario.wireText(s.steps().get(1)));
        assertEquals("stop", Scenario.command(s.steps().get(1)).orElseThrow());
        assertTrue(Scenario.command(s.steps().get(0)).isEmpty());
    }

    @Test
    void malformedScenariosAreRefusedSayingWhy() {
        assertEquals(
                "scenario t: 'steps' must be an array",
                assertThrows(IllegalArgumentException.class, () -> parse("{\"args\": []}"))
                        .getMessage());
        assertTrue(
                assertThrows(IllegalArgumentException.class, () -> parse("{\"args\": [], \"steps\": [], \"arg\": 1}"))
                        .getMessage()
                        .startsWith("scenario t: unknown member 'arg'"));
        assertTrue(
                assertThrows(IllegalArgumentException.class, () -> parse("{\"args\": [], \"steps\": [{\"exec\": 1}]}"))
                        .getMessage()
                        .contains("a step is a QMP command object"));
        assertEquals(
                "scenario t: 'args' must hold strings only, not 1",
                assertThrows(IllegalArgumentException.class, () -> parse("{\"args\": [1], \"steps\": []}"))
                        .getMessage());
    }

    @Test
    void filesAreMadeInTheRunsDirectory(@TempDir Path dir) throws Exception {
        Scenario s = parse("{\"args\": [], \"steps\": [], \"files\": {\"disk.img\": 1000, \"empty\": 0}}");
        s.makeFiles(dir);
        assertEquals(1000, Files.size(dir.resolve("disk.img")));
        assertEquals(0, Files.size(dir.resolve("empty")));
        for (String bad : List.of("{\"../x\": 1}", "{\"..\": 1}", "{\"x\": -1}", "{\"x\": \"1\"}", "[]")) {
            assertTrue(
                    assertThrows(
                                    IllegalArgumentException.class,
                                    () -> parse("{\"args\": [], \"steps\": [], \"files\": " + bad + "}"))
                            .getMessage()
                            .contains("'files'"),
                    bad);
        }
    }

    @Test
    void aSettleTimeIsReadInMillisecondsAndBounded() throws Exception {
        assertEquals(Duration.ZERO, parse("{\"args\": [], \"steps\": []}").settle());
        assertEquals(
                Duration.ofMillis(300),
                parse("{\"args\": [], \"steps\": [], \"settle-ms\": 300}").settle());
        for (String bad : List.of("-1", "5001", "0.5", "\"300\"")) {
            assertEquals(
                    "scenario t: 'settle-ms' is a whole number of milliseconds from 0 to 5000, not " + bad,
                    assertThrows(
                                    IllegalArgumentException.class,
                                    () -> parse("{\"args\": [], \"steps\": [], \"settle-ms\": " + bad + "}"))
                            .getMessage());
        }
    }

    @Test
    void theSampleScenariosOfTheReferenceHarnessAreRead() throws Exception {
        Path samples = SharedQemu.path("scenarios");
        for (File file : samples.toFile().listFiles((dir, name) -> name.endsWith(".json"))) {
            assertFalse(Scenario.read(file.toPath()).steps().isEmpty(), file.toString());
        }
    }

    @Test
    void ourScenariosAreManyDescribedAndCoverSeveralMachines() throws Exception {
        List<Scenario> all = Scenarios.all();
        org.junit.jupiter.api.Assumptions.assumeTrue(
                System.getProperty(Scenarios.ONLY_PROPERTY) == null, "the scenario list is narrowed: skipped");
        assertTrue(all.size() >= 45, "at least 45 scenarios, found " + all.size());
        Set<String> machines = new HashSet<>();
        for (Scenario s : all) {
            assertFalse(s.description().isBlank(), s.name() + " has no description");
            assertFalse(s.steps().isEmpty() && !s.description().contains("start-up"), s.name() + " has no steps");
            int m = s.args().indexOf("-machine");
            if (m >= 0) {
                machines.add(s.args().get(m + 1).split(",")[0]);
            }
        }
        assertTrue(
                machines.containsAll(Set.of("pc", "q35", "isapc", "microvm", "none", "virt")), "machines: " + machines);
    }
}
