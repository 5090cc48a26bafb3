package io.qapi.it.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An unmodified libvirt runs a domain on the model as on QEMU 7.2: the same domain (two NICs or
 * one, a virtio-scsi controller, a serial pty, a balloon, spare root ports) is defined, started
 * paused, given an RNG, a NIC and a disk, one more vCPU, and its RNG detached, with
 * {@code qemu-monitor-command} asking {@code query-pci}, {@code query-cpus-fast} and
 * {@code query-chardev} between, and destroyed; once with the real binary as its emulator and
 * once with the model. What virsh prints must be the same, and so must the whole QMP transcript
 * libvirt logs (every command it sent, every reply and event it got, {@code query-pci} at each
 * step among them), once what depends on the host is set aside: the run's directory, pty
 * numbers, host thread ids and event timestamps.
 *
 * <p>libvirt runs embedded, without a daemon, in a fresh root per run; it hands the monitor to
 * its emulator as an inherited listening socket. Skipped, saying so, where virsh or QEMU is not
 * installed (CI installs both), or where KVM is available (libvirt would use it for the real
 * binary).
 */
class LibvirtDomainTest {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern MONITOR_LINE = Pattern.compile(
            "QEMU_MONITOR_(SEND_MSG|RECV_REPLY|RECV_EVENT): mon=\\S+ (?:msg|reply|event)=(\\{.*\\})\\s*(?:fd=-?\\d+)?\\s*$");
    /** What depends on the host, and what it is replaced with before comparing. */
    private static final Map<Pattern, String> HOST_VALUES = Map.of(
            Pattern.compile("/dev/pts/\\d+"), "/dev/pts/N",
            // a vCPU's host thread (its props hold its place in the topology, which must agree)
            Pattern.compile("\"thread-id\": ?\\d+(, ?\"props\")"), "\"thread-id\": N$1",
            Pattern.compile("\"seconds\": ?\\d+, ?\"microseconds\": ?\\d+"), "\"seconds\": S, \"microseconds\": U");
    /** libvirt's own log lines that reach virsh's standard error (a timestamp leads them). */
    private static final Pattern LIBVIRT_LOG =
            Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:.*$", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"x86_64, q35, qemu-model", "x86_64, pc, qemu-model", "aarch64, virt, qemu-model-aarch64"})
    void aDomainRunsOnTheModelAsOnTheRealBinary(String arch, String machine, String launcher) throws Exception {
        assumeInstalled("virsh");
        assumeInstalled("qemu-system-" + arch);
        Assumptions.assumeFalse(
                Files.exists(Path.of("/dev/kvm")),
                "/dev/kvm exists: libvirt would run the real binary under KVM, which the model does not model");
        Run real = run("real", Path.of("/usr/bin/qemu-system-" + arch), machine);
        Run model = run("model", REPOSITORY.resolve(launcher), machine);
        assertTrue(
                real.transcript().size() > 50,
                "libvirt's transcript with QEMU holds its probe and the domain's " + "commands: "
                        + real.transcript().size() + " lines");
        assertTrue(
                real.transcript().stream()
                        .anyMatch(l ->
                                l.contains("\"execute\": \"device_add\"") || l.contains("\"execute\":\"device_add\"")),
                () -> "the transcript holds the hot-plugs; virsh said:\n" + real.virsh());
        assertEquals(real.virsh(), model.virsh(), "what virsh printed");
        assertSameTranscript(real.transcript(), model.transcript());
        assertEquals(real.status(), model.status(), "virsh's exit status");
    }

    /** One libvirt run: virsh's output (both streams), its status, and the QMP transcript. */
    private record Run(String virsh, int status, List<String> transcript) {}

    private Run run(String name, Path emulator, String machine) throws Exception {
        Path runDir = dir.resolve(name);
        Path root = runDir.resolve("root");
        Files.createDirectories(root.resolve("etc"));
        // the emulator runs as this user, who can read the run's private directory
        Files.writeString(
                root.resolve("etc/qemu.conf"), "stdio_handler = \"file\"\nuser = \"root\"\ngroup = \"root\"\n");
        Path domain = write(runDir, machine + ".xml", Map.of("@EMULATOR@", emulator.toString()));
        Path rng = write(runDir, "rng.xml", Map.of());
        Path nic = write(runDir, "nic.xml", Map.of());
        Path disk = runDir.resolve("disk.img");
        try (RandomAccessFile file = new RandomAccessFile(disk.toFile(), "rw")) {
            file.setLength(1 << 20);
        }
        Path diskXml = write(runDir, "disk.xml", Map.of("@DISK@", disk.toString()));
        Path log = runDir.resolve("monitor.log");
        String script = String.join(
                "; ",
                List.of(
                        "define " + domain,
                        "start --paused probe",
                        "qemu-monitor-command probe '{\"execute\":\"query-pci\"}'",
                        "attach-device probe " + rng + " --live",
                        "attach-device probe " + nic + " --live",
                        "attach-device probe " + diskXml + " --live",
                        "setvcpus probe 3 --live",
                        "qemu-monitor-command probe '{\"execute\":\"query-cpus-fast\"}'",
                        "qemu-monitor-command probe '{\"execute\":\"query-chardev\"}'",
                        "detach-device probe " + rng + " --live",
                        "qemu-monitor-command probe '{\"execute\":\"query-pci\"}'",
                        "destroy probe"));
        ProcessBuilder builder =
                new ProcessBuilder("virsh", "-c", "qemu:///embed?root=" + root, script).redirectErrorStream(true);
        builder.environment().put("LIBVIRT_LOG_FILTERS", "1:qemu.qemu_monitor");
        builder.environment().put("LIBVIRT_LOG_OUTPUTS", "1:file:" + log);
        Process virsh = builder.start();
        String out;
        try (InputStream stream = virsh.getInputStream()) {
            out = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!virsh.waitFor(300, TimeUnit.SECONDS)) {
            virsh.destroyForcibly();
            fail("virsh did not finish within 300 s with " + emulator + ":\n" + out);
        }
        String hostFree = hostFree(out, runDir);
        return new Run(
                LIBVIRT_LOG.matcher(hostFree).replaceAll("").replaceAll("\n{2,}", "\n"),
                virsh.exitValue(),
                transcript(log, runDir));
    }

    /** The resource {@code name} with its placeholders filled in, written into {@code runDir}. */
    private static Path write(Path runDir, String name, Map<String, String> values) throws IOException {
        String text;
        try (InputStream in = LibvirtDomainTest.class.getResourceAsStream("/libvirt/" + name)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace(value.getKey(), value.getValue());
        }
        Path file = runDir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    /** Every QMP message libvirt logged, in order, as "SEND_MSG {...}" and the like, host values replaced. */
    private static List<String> transcript(Path log, Path runDir) throws IOException {
        List<String> lines = new ArrayList<>();
        if (!Files.exists(log)) {
            return lines;
        }
        for (String line : Files.readAllLines(log)) {
            Matcher message = MONITOR_LINE.matcher(line);
            if (message.find()) {
                lines.add(message.group(1) + " " + hostFree(message.group(2), runDir));
            }
        }
        return lines;
    }

    private static String hostFree(String text, Path runDir) {
        String result = text.replace(runDir.toString(), "@RUN@");
        for (Map.Entry<Pattern, String> value : HOST_VALUES.entrySet()) {
            result = value.getKey().matcher(result).replaceAll(value.getValue());
        }
        return result;
    }

    private static void assertSameTranscript(List<String> real, List<String> model) {
        for (int i = 0; i < Math.min(real.size(), model.size()); i++) {
            if (!real.get(i).equals(model.get(i))) {
                fail("libvirt's QMP transcripts differ at message " + i + " of " + real.size() + ":\n  QEMU:  "
                        + shorten(real.get(i)) + "\n  model: " + shorten(model.get(i)) + "\n  after: "
                        + (i > 0 ? shorten(real.get(i - 1)) : "(nothing)"));
            }
        }
        assertEquals(
                real.size(),
                model.size(),
                () -> "libvirt's QMP transcripts have different lengths; the longer "
                        + "goes on with: "
                        + shorten(
                                (real.size() > model.size() ? real : model).get(Math.min(real.size(), model.size()))));
    }

    private static String shorten(String line) {
        return line.length() <= 600 ? line : line.substring(0, 600) + "…";
    }

    private static void assumeInstalled(String program) {
        boolean installed = Arrays.stream(
                        System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program)));
        Assumptions.assumeTrue(
                installed,
                program + " is not installed (CI installs libvirt-daemon-driver-qemu, "
                        + "libvirt-clients, qemu-system-x86 and qemu-system-arm): libvirt domain test skipped");
    }
}
