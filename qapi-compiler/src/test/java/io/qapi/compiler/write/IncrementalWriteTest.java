package io.qapi.compiler.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.qapi.compiler.QapiCompiler;
import io.qapi.compiler.diag.Diagnostics;
import io.qapi.compiler.gen.Defines;
import io.qapi.compiler.gen.GenOptions;
import io.qapi.compiler.gen.JavaGenerator;
import io.qapi.compiler.gen.PlannedFile;
import io.qapi.testsupport.SharedQemu;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regenerating into an up-to-date directory after a change to QEMU 11.0's QMP schema must give
 * exactly what a generation from scratch gives, file for file, while building only the files
 * whose inputs changed. Each case edits a copy of the schema, regenerates into the directory
 * generated from the unedited copy, and compares it with a fresh generation of the edited one.
 */
class IncrementalWriteTest {
    private static final GenOptions OPTIONS = new GenOptions("org.example.qmp", Defines.EVERYTHING, Set.of());

    @TempDir
    static Path work;

    private static Path original;
    private static Path upToDate;
    private static int total;

    @BeforeAll
    static void generateTheOriginal() throws IOException {
        original = copy(SharedQemu.dir().resolve("v11.0.0/qapi"), work.resolve("original"));
        upToDate = work.resolve("up-to-date");
        GeneratedSources.Report first = GeneratedSources.write(upToDate, plan(original));
        total = first.written();
        assertTrue(total > 900, "files written: " + total);
    }

    @Test
    void nothingChangedBuildsNothing() throws IOException {
        Path out = copyTree(upToDate, work.resolve("again"));
        GeneratedSources.Report report = GeneratedSources.write(out, plan(original));
        assertEquals(new GeneratedSources.Report(0, 0, total, 0), report);
    }

    @Test
    void aMemberAddedToAStruct() throws IOException {
        Path schema = edit(
                "machine.json",
                "# @acpi: machine type supports ACPI (since 8.0)\n",
                "# @acpi: machine type supports ACPI (since 8.0)\n#\n# @spare: added by a test\n",
                "'*default-ram-id': 'str', 'acpi': 'bool',",
                "'*default-ram-id': 'str', 'acpi': 'bool', '*spare': 'int',");
        GeneratedSources.Report report = regenerateAndCompare(schema);
        // MachineInfo and Introspection, and nothing else: the machine module's client and
        // server and the Dispatcher use MachineInfo by name and kind only.
        assertEquals(new GeneratedSources.Report(2, 0, total - 2, 0), report);
    }

    @Test
    void aCommandFlagChanged() throws IOException {
        Path schema = edit(
                "machine.json",
                "{ 'command': 'system_reset' }",
                "{ 'command': 'system_reset', 'allow-preconfig': true }");
        GeneratedSources.Report report = regenerateAndCompare(schema);
        // The Dispatcher registers the flag; the command's own interfaces and Introspection
        // are built again and may not change.
        assertTrue(report.written() >= 1 && report.written() + report.unchanged() <= 4, report.toString());
    }

    @Test
    void aCommandArgumentAdded() throws IOException {
        Path schema = edit(
                "machine.json",
                "# @filename: the path to the file to dump to\n",
                "# @filename: the path to the file to dump to\n#\n# @spare: added by a test\n",
                "  'data': { 'filename': 'str' } }",
                "  'data': { 'filename': 'str', '*spare': 'int' } }");
        GeneratedSources.Report report = regenerateAndCompare(schema);
        // The arguments record, the module's client (its convenience method), Introspection;
        // the module's server, the Dispatcher and the client of the whole schema are built.
        assertTrue(report.written() >= 3 && report.written() + report.unchanged() <= 6, report.toString());
    }

    @Test
    void anEventMemberAdded() throws IOException {
        Path schema = edit(
                "run-state.json",
                "# @reason: The `ShutdownCause` which resulted in the `SHUTDOWN`.\n#     (since 4.0)\n",
                "# @reason: The `ShutdownCause` which resulted in the `SHUTDOWN`.\n#     (since 4.0)\n#\n"
                        + "# @spare: added by a test\n",
                "'data': { 'guest': 'bool', 'reason': 'ShutdownCause' } }",
                "'data': { 'guest': 'bool', 'reason': 'ShutdownCause', '*spare': 'int' } }");
        GeneratedSources.Report report = regenerateAndCompare(schema);
        // The event's record and Introspection; the event registry and emitter are built again.
        assertTrue(report.written() >= 2 && report.written() + report.unchanged() <= 4, report.toString());
    }

    /**
     * Files that use a type by kind only (a member's declaration, a command's result) must be
     * built again when the kind itself changes: here a struct used as a member, as a command's
     * result and as an event's member becomes an enum of the same name.
     */
    @Test
    void aTypeThatChangesKindRebuildsItsUsers(@TempDir Path dir) throws IOException {
        String users = "{ 'pragma': { 'command-returns-exceptions': [ 'get-thing', 'get-things' ] } }\n"
                + "{ 'struct': 'Holder', 'data': { 'thing': 'Thing', 'things': ['Thing'] } }\n"
                + "{ 'command': 'get-thing', 'returns': 'Thing' }\n"
                + "{ 'command': 'get-things', 'returns': ['Thing'] }\n"
                + "{ 'event': 'THING', 'data': { 'thing': 'Thing' } }\n";
        Path before = Files.createDirectories(dir.resolve("before"));
        Files.writeString(
                before.resolve("qapi-schema.json"), "{ 'struct': 'Thing', 'data': { 'x': 'int' } }\n" + users);
        Path after = Files.createDirectories(dir.resolve("after"));
        Files.writeString(after.resolve("qapi-schema.json"), "{ 'enum': 'Thing', 'data': [ 'x' ] }\n" + users);

        Path incremental = dir.resolve("incremental");
        GeneratedSources.write(incremental, plan(before));
        GeneratedSources.Report report = GeneratedSources.write(incremental, plan(after));
        Path fresh = dir.resolve("fresh");
        GeneratedSources.write(fresh, plan(after));
        assertEquals(sources(fresh), sources(incremental), "incremental output differs from a fresh one");
        assertTrue(report.written() >= 5, report.toString());
    }

    @Test
    void documentationChanged() throws IOException {
        Path schema = edit(
                "machine.json",
                "# @acpi: machine type supports ACPI (since 8.0)\n",
                "# @acpi: machine type supports ACPI, as a test now says (since 8.0)\n");
        GeneratedSources.Report report = regenerateAndCompare(schema);
        assertTrue(report.written() >= 1 && report.written() + report.unchanged() <= 30, report.toString());
    }

    @Test
    void linesAddedAboveDefinitionsChangeNoJava() throws IOException {
        Path schema = edit("block-core.json", "\n##\n", "\n\n\n##\n");
        GeneratedSources.Report report = regenerateAndCompare(schema);
        assertEquals(0, report.written(), report.toString());
        assertTrue(report.reused() > total - 10, report.toString());
    }

    @Test
    void aNewTypeRebuildsEverythingAndStillAgrees() throws IOException {
        Path schema = edit(
                "machine.json",
                "",
                "\n##\n# @SpareThing:\n#\n# @x: a member\n#\n# Since: 11.0\n##\n{ 'struct': 'SpareThing', "
                        + "'data': { 'x': 'int' } }\n");
        GeneratedSources.Report report = regenerateAndCompare(schema);
        assertEquals(1, report.written(), report.toString());
    }

    /** Regenerates into a copy of the up-to-date output; it must equal a fresh generation. */
    private static GeneratedSources.Report regenerateAndCompare(Path schema) throws IOException {
        Path incremental = copyTree(upToDate, work.resolve("incremental-" + System.nanoTime()));
        GeneratedSources.Report report = GeneratedSources.write(incremental, plan(schema));
        Path fresh = work.resolve("fresh-" + System.nanoTime());
        GeneratedSources.write(fresh, plan(schema));
        assertEquals(sources(fresh), sources(incremental), "incremental output differs from a fresh one");
        return report;
    }

    private static List<PlannedFile> plan(Path schemaDir) {
        QapiCompiler.Result result =
                QapiCompiler.compile(schemaDir.resolve("qapi-schema.json").toString(), QapiCompiler.Options.DEFAULT);
        if (!result.ok()) {
            fail("the edited schema is invalid: " + result.errors());
        }
        Diagnostics diagnostics = new Diagnostics(true);
        List<PlannedFile> files = JavaGenerator.plan(result.schema(), OPTIONS, diagnostics);
        assertEquals(List.of(), diagnostics.errors());
        return files;
    }

    /**
     * A copy of the original schema with each (old, new) pair replaced once in {@code file}; an
     * empty old text appends the new one.
     */
    private static Path edit(String file, String... oldNew) throws IOException {
        Path copy = copy(original, work.resolve("edited-" + System.nanoTime()));
        String text = Files.readString(copy.resolve(file));
        for (int i = 0; i < oldNew.length; i += 2) {
            int at = oldNew[i].isEmpty() ? text.length() : text.indexOf(oldNew[i]);
            assertTrue(at >= 0, "not in " + file + ": " + oldNew[i]);
            text = text.substring(0, at) + oldNew[i + 1] + text.substring(at + oldNew[i].length());
        }
        Files.writeString(copy.resolve(file), text);
        return copy;
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    /** A copy that keeps modification times, as an output directory left by a build would. */
    private static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }

    private static Map<String, String> sources(Path dir) throws IOException {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                sources.put(dir.relativize(f).toString(), Files.readString(f));
            }
        }
        return sources;
    }
}
