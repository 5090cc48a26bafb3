package io.qapi.compiler.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qapi.compiler.QapiCompiler;
import io.qapi.compiler.diag.Diagnostics;
import io.qapi.compiler.gen.Defines;
import io.qapi.compiler.gen.GenOptions;
import io.qapi.compiler.gen.JavaGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output directory is intact while every file the last write left is there as written; a
 * deleted or touched file, or a missing index, makes it not intact, so a build tool regenerates.
 * A base package that is no Java package name is refused before anything is generated.
 */
class IntactOutputTest {
    @TempDir
    Path dir;

    @Test
    void aDeletedOrTouchedFileIsNoticed() throws Exception {
        Path schema = dir.resolve("s.json");
        Files.writeString(
                schema,
                "{ 'struct': 'Plant', 'data': { 'name': 'str' } }\n"
                        + "{ 'command': 'water', 'data': { 'plant': 'str' } }\n");
        QapiCompiler.Result result = QapiCompiler.compile(schema.toString(), QapiCompiler.Options.DEFAULT);
        assertTrue(result.ok(), result.errors().toString());
        Path out = dir.resolve("out");
        assertFalse(GeneratedSources.intact(out), "no index yet");
        GeneratedSources.write(
                out,
                JavaGenerator.plan(
                        result.schema(),
                        new GenOptions("org.example", Defines.EVERYTHING, Set.of()),
                        new Diagnostics(true)));
        assertTrue(GeneratedSources.intact(out));

        Path plant = out.resolve("org/example/Plant.java");
        Files.setLastModifiedTime(
                plant, FileTime.fromMillis(Files.getLastModifiedTime(plant).toMillis() + 5_000));
        assertFalse(GeneratedSources.intact(out), "a touched file");
        GeneratedSources.Report again = GeneratedSources.write(
                out,
                JavaGenerator.plan(
                        result.schema(),
                        new GenOptions("org.example", Defines.EVERYTHING, Set.of()),
                        new Diagnostics(true)));
        assertEquals(1, again.unchanged(), again.toString());
        assertTrue(GeneratedSources.intact(out));

        Files.delete(plant);
        assertFalse(GeneratedSources.intact(out), "a deleted file");
    }

    @Test
    void aPackageThatIsNoJavaNameIsRefused() {
        assertEquals(
                "'class' is not a valid Java package name",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new GenOptions("class", Defines.EVERYTHING, Set.of()))
                        .getMessage());
        assertEquals(
                "'org.example.1st' is not a valid Java package name",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new GenOptions("org.example.1st", Defines.EVERYTHING, Set.of()))
                        .getMessage());
    }
}
