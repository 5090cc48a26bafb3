package io.qapi.it.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qapi.machine.board.HardwareArgv;
import io.qapi.machine.board.HardwareConfig;
import io.qapi.runtime.api.Input;
import io.qapi.schema.hardware.HardwareDescription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The precise hardware description, for every device, object and character device scenario of
 * the differential suite that builds a machine: after the scenario's steps, {@code query-hardware}
 * of the model is
 * <ol>
 *   <li>imported with {@code ./qemu-model -hardware FILE}, whose {@code query-hardware} must
 *       be identical and whose {@code query-pci} the same;</li>
 *   <li>rendered as QEMU's command line ({@code HardwareArgv}) and started on the real QEMU
 *       7.2, whose {@code query-pci} must equal the model's, and whose {@code query-chardev} and
 *       {@code query-memdev} (and, with block nodes, {@code query-named-block-nodes} and
 *       {@code query-block}) must equal those of the imported model;</li>
 *   <li>rendered as a configuration file ({@code HardwareConfig}) and read with
 *       {@code -readconfig} by the real QEMU and by the model: the same {@code query-pci},
 *       {@code query-chardev} and {@code query-memdev} (a description with block nodes is
 *       refused: QEMU's configuration files cannot hold them).</li>
 * </ol>
 */
class HardwareRoundTripTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Each run reads the description from its own directory ({@link #runDir}). */
    private static final String HARDWARE_FILE = TargetRun.RUN_DIR + "/hardware.json";

    @TestFactory
    Stream<DynamicTest> everyDeviceScenarioRoundTrips() throws Exception {
        return Scenarios.all().stream()
                .filter(s -> s.name().startsWith("devices-")
                        || s.name().startsWith("pci-")
                        || s.name().startsWith("objects-")
                        || s.name().startsWith("chardev-")
                        || s.name().startsWith("numa-")
                        || s.name().startsWith("cpus-")
                        || s.name().startsWith("preconfig-")
                        || s.name().startsWith("libvirt-")
                        || s.name().startsWith("netdev-"))
                .map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> roundTrip(scenario)));
    }

    private static void roundTrip(Scenario scenario) throws Exception {
        Targets.assumeInstalled(scenario.binary());
        Path dir = Files.createTempDirectory("hardware-round-trip");
        List<JsonNode> steps = new ArrayList<>(scenario.steps());
        steps.add(step("query-hardware"));
        steps.add(step("query-pci"));
        JsonNode first = TargetRun.run(
                Targets.candidate(scenario),
                with(scenario, scenario.args(), steps),
                Files.createDirectories(dir.resolve("model")));
        Assumptions.assumeTrue(first.has("replies"), scenario.name() + ": the command line builds no machine");
        JsonNode replies = first.path("replies");
        JsonNode hardware = replies.get(replies.size() - 2).path("return");
        JsonNode pci = replies.get(replies.size() - 1).path("return");
        // a machine left in preconfig has no PCI devices to list yet: nothing to hand to QEMU
        Assumptions.assumeFalse(
                replies.get(replies.size() - 1).has("error")
                        && (scenario.args().contains("-preconfig")
                                || scenario.args().contains("--preconfig")),
                scenario.name() + ": the machine is still in preconfig");
        assertTrue(hardware.isObject() && pci.isArray(), scenario.name() + ": " + replies);

        String hardwareText = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(hardware);
        JsonNode imported = TargetRun.run(
                Targets.candidate(scenario),
                with(
                        scenario,
                        List.of("-hardware", HARDWARE_FILE, "-S"),
                        List.of(step("query-hardware"), step("query-pci"))),
                runDir(dir, "import", hardwareText));
        assertEquals(
                hardware,
                imported.path("replies").path(0).path("return"),
                scenario.name() + ": -hardware does not build the described machine: " + imported);
        assertEquals(pci, imported.path("replies").path(1).path("return"), scenario.name());

        HardwareDescription described = HardwareDescription.DECODER.decode(Input.STRICT, hardware, "");
        List<String> argv = new ArrayList<>(HardwareArgv.argv(described));
        argv.add("-S");
        JsonNode real = TargetRun.run(
                Targets.reference(scenario),
                with(
                        scenario,
                        argv,
                        List.of(
                                step("query-pci"),
                                step("query-chardev"),
                                step("query-memdev"),
                                step("query-hotpluggable-cpus"))),
                Files.createDirectories(dir.resolve("qemu")));
        assertEquals(
                pci,
                real.path("replies").path(0).path("return"),
                scenario.name() + ": QEMU started with " + String.join(" ", argv) + " gives another query-pci: "
                        + real);
        JsonNode importedBackends = TargetRun.run(
                Targets.candidate(scenario),
                with(
                        scenario,
                        List.of("-hardware", HARDWARE_FILE, "-S"),
                        List.of(step("query-chardev"), step("query-memdev"), step("query-hotpluggable-cpus"))),
                runDir(dir, "import-backends", hardwareText));
        assertEquals(
                real.path("replies").path(1),
                importedBackends.path("replies").path(0),
                scenario.name() + ": QEMU started with " + String.join(" ", argv) + " has other character devices");
        assertEquals(
                real.path("replies").path(2),
                importedBackends.path("replies").path(1),
                scenario.name() + ": QEMU started with " + String.join(" ", argv) + " has other memory backends");
        assertEquals(
                real.path("replies").path(3),
                importedBackends.path("replies").path(2),
                scenario.name() + ": QEMU started with " + String.join(" ", argv)
                        + " has other CPU slots or NUMA nodes");
        if (described.backends().flatMap(b -> b.blockdevs()).isPresent()) {
            // block nodes: the same nodes, and the same devices attached to them
            List<JsonNode> blockSteps = List.of(step("query-named-block-nodes"), step("query-block"));
            JsonNode realBlocks = TargetRun.run(
                    Targets.reference(scenario),
                    with(scenario, argv, blockSteps),
                    Files.createDirectories(dir.resolve("qemu-blocks")));
            JsonNode importedBlocks = TargetRun.run(
                    Targets.candidate(scenario),
                    with(scenario, List.of("-hardware", HARDWARE_FILE, "-S"), blockSteps),
                    runDir(dir, "import-blocks", hardwareText));
            // the command line cannot give an anonymous device the number it had (the imported
            // model keeps it, QEMU counts afresh): the devices' paths are compared without it
            assertEquals(
                    withoutAnonymousNumbers(realBlocks.path("replies")),
                    withoutAnonymousNumbers(importedBlocks.path("replies")),
                    scenario.name() + ": QEMU started with " + String.join(" ", argv)
                            + " has other block nodes or devices");
        }

        // one file per run, in the run's directory, with the paths the scenario puts there
        String configText;
        try {
            configText = HardwareConfig.render(described);
        } catch (IllegalArgumentException e) {
            if (e.getMessage().equals(HardwareConfig.NO_BLOCKDEV)) {
                // block nodes: refused, and only then
                assertTrue(described.backends().flatMap(b -> b.blockdevs()).isPresent(), e.getMessage());
                return;
            }
            // a NUMA node whose CPUs are not one range: refused, and only then
            assertTrue(e.getMessage().startsWith(HardwareConfig.NOT_A_RANGE), e.getMessage());
            assertTrue(
                    described.numa().orElseThrow().nodes().stream()
                            .anyMatch(n -> !n.cpus().isEmpty()
                                    && n.cpus().get(n.cpus().size() - 1)
                                                    - n.cpus().get(0)
                                                    + 1
                                            != n.cpus().size()),
                    e.getMessage());
            return;
        }
        Path config = dir.resolve("hardware.cfg");
        Files.writeString(config, configText);
        for (String run : List.of("qemu-config", "model-config")) {
            Path runDir = Files.createDirectories(dir.resolve(run));
            Files.writeString(runDir.resolve("hardware.cfg"), configText.replace(TargetRun.RUN_DIR, runDir.toString()));
        }
        List<String> readConfig = new ArrayList<>(List.of("-readconfig", TargetRun.RUN_DIR + "/hardware.cfg", "-S"));
        if (!described.machine().defaults()) {
            readConfig.add("-nodefaults");
        }
        List<JsonNode> configSteps = List.of(
                step("query-pci"), step("query-chardev"), step("query-memdev"), step("query-hotpluggable-cpus"));
        JsonNode fromConfig = TargetRun.run(
                Targets.reference(scenario),
                with(scenario, readConfig, configSteps),
                Files.createDirectories(dir.resolve("qemu-config")));
        assertEquals(
                pci,
                fromConfig.path("replies").path(0).path("return"),
                scenario.name() + ": QEMU started with -readconfig " + Files.readString(config) + " gives "
                        + fromConfig);
        JsonNode modelConfig = TargetRun.run(
                Targets.candidate(scenario),
                with(scenario, readConfig, configSteps),
                Files.createDirectories(dir.resolve("model-config")));
        assertEquals(
                pci, modelConfig.path("replies").path(0).path("return"), scenario.name() + ": the model's -readconfig");
        assertEquals(
                fromConfig.path("replies").path(1),
                modelConfig.path("replies").path(1),
                scenario.name() + ": character devices after -readconfig");
        assertEquals(
                fromConfig.path("replies").path(2),
                modelConfig.path("replies").path(2),
                scenario.name() + ": memory backends after -readconfig");
        assertEquals(
                fromConfig.path("replies").path(3),
                modelConfig.path("replies").path(3),
                scenario.name() + ": CPU slots and NUMA nodes after -readconfig");
    }

    /**
     * A run's directory holding the description, with the paths the scenario put in the run's
     * directory (its files, say) in this run's: each run makes its own files.
     */
    private static Path runDir(Path dir, String run, String hardwareText) throws IOException {
        Path runDir = Files.createDirectories(dir.resolve(run));
        Files.writeString(runDir.resolve("hardware.json"), hardwareText.replace(TargetRun.RUN_DIR, runDir.toString()));
        return runDir;
    }

    /**
     * The replies as text, anonymous devices unnumbered and without a host file's
     * {@code actual-size} (the blocks the host gave it, which the model cannot see).
     */
    private static String withoutAnonymousNumbers(JsonNode replies) {
        return replies.toString()
                .replaceAll("/machine/peripheral-anon/device\\[\\d+]", "/machine/peripheral-anon/device[N]")
                .replaceAll("\"actual-size\":\\d+,?", "");
    }

    private static Scenario with(Scenario scenario, List<String> args, List<JsonNode> steps) {
        return new Scenario(
                scenario.name(),
                scenario.description(),
                scenario.binary(),
                args,
                List.of(),
                steps,
                Set.of(),
                List.of(),
                scenario.files(),
                scenario.settle());
    }

    private static JsonNode step(String command) {
        return JSON.createObjectNode().put("execute", command);
    }
}
