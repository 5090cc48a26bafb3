package io.qapi.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code qapic} launcher script runs from anywhere: from a directory it cannot write, with a
 * cache it cannot write, and from an installation it must not write into. The script is run as
 * it is, from a copy of the repository's layout ({@code qapic} beside
 * {@code qapi-compiler/target/qapic.jar}) with a jar made of this build's classes.
 *
 * <p>Root may write almost anywhere, so the unwritable places are ones where writing fails for
 * root too: {@code /proc} as the working directory, and a cache directory below a regular file.
 * That nothing is written beside the jar is checked by listing its directory.
 */
class LauncherTest {
    private static final String VALID_SCHEMA = "{ 'struct': 'Point', 'data': { 'x': 'int' } }\n";

    @TempDir
    static Path install;

    private static Path script;
    private static Path jarDirectory;

    @BeforeAll
    static void installCopy() throws IOException, URISyntaxException {
        Path launcher = Path.of(System.getProperty("qapi.launcher", "../qapic"))
                .toAbsolutePath()
                .normalize();
        Assumptions.assumeTrue(
                Files.isRegularFile(launcher) && Files.isExecutable(Path.of("/bin/sh")),
                "the qapic script or /bin/sh is missing: skipped");
        script = install.resolve("qapic");
        Files.copy(launcher, script);
        assertTrue(script.toFile().setExecutable(true));
        jarDirectory = install.resolve("qapi-compiler/target");
        Files.createDirectories(jarDirectory);
        writeJar(jarDirectory.resolve("qapic.jar"));
    }

    /** Qapic's classes inside; the libraries it uses by their jars on the test class path. */
    private static void writeJar(Path jar) throws IOException, URISyntaxException {
        Path classes = Path.of(
                Qapic.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> libraries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                libraries.add(Path.of(entry).toAbsolutePath().toUri().toString());
            }
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Qapic.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", libraries));
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace(File.separatorChar, '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
    }

    private record Run(int status, String out, String err) {}

    private static Run qapic(Path workingDirectory, Path cacheHome, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("XDG_CACHE_HOME", cacheHome.toString());
        Path out = Files.createTempFile(install, "out", ".txt");
        Path err = Files.createTempFile(install, "err", ".txt");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        // An upper bound against a hang, not a speed test.
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "qapic did not finish");
        return new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** A working directory nobody can write, root included. */
    private static Path unwritableDirectory() {
        Path proc = Path.of("/proc");
        Assumptions.assumeTrue(Files.isDirectory(proc), "no /proc to start from: skipped");
        return proc;
    }

    private static List<String> besideTheJar() throws IOException {
        try (Stream<Path> files = Files.list(jarDirectory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void runsFromAnUnwritableDirectoryWithoutACacheAndWritesNothingBesideTheJar(@TempDir Path work)
            throws IOException, InterruptedException {
        Path schema = Files.writeString(work.resolve("point.json"), VALID_SCHEMA);
        Path notADirectory = Files.writeString(work.resolve("not-a-directory"), "");

        Run run = qapic(unwritableDirectory(), notADirectory.resolve("cache"), "check", schema.toString());

        assertEquals(new Run(0, "", ""), run);
        assertEquals(List.of("qapic.jar"), besideTheJar());
    }

    @Test
    void keepsItsArchiveInTheUserCacheAndUsesIt(@TempDir Path work) throws IOException, InterruptedException {
        Path schema = Files.writeString(work.resolve("point.json"), VALID_SCHEMA);
        Path cacheHome = work.resolve("cache");

        Run first = qapic(unwritableDirectory(), cacheHome, "dump-ir", schema.toString());
        List<Path> archives;
        try (Stream<Path> files = Files.walk(cacheHome.resolve("qapic"))) {
            archives = files.filter(Files::isRegularFile).toList();
        }
        Run second = qapic(unwritableDirectory(), cacheHome, "dump-ir", schema.toString());

        assertEquals(0, first.status(), first.err());
        assertTrue(first.out().contains("object Point"), first.out());
        assertEquals(1, archives.size(), archives.toString());
        // One archive, named after the jar, the JDK's binary and the command, so that each has its own.
        Path archive = archives.get(0);
        Path javaBinary =
                Path.of(System.getProperty("java.home"), "bin", "java").toRealPath();
        assertEquals(
                cacheHome.resolve("qapic/archives" + jarDirectory.resolve("qapic.jar") + javaBinary + "/dump-ir.jsa"),
                archive);
        assertTrue(Files.size(archive) > 0);
        assertEquals(first, second);
        assertEquals(List.of("qapic.jar"), besideTheJar());
    }
}
