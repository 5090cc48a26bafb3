package io.qapi.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qapi.compiler.dump.IrDump;
import org.junit.jupiter.api.Test;

/** Include directives: relative paths, reading once, loops, missing files. */
class IncludeTest {

    @Test
    void includesAreRelativeToTheIncludingFileAndModulesNamedFromTheRoot() {
        var result = Fixtures.file("schema/main.json", "{ 'include': 'parts/one.json' }\n")
                .and("schema/parts/one.json", "{ 'include': '../two.json' }\n{ 'enum': 'Fruit', 'data': ['apple'] }\n")
                .and("schema/parts/../two.json", "{ 'struct': 'Basket', 'data': { 'fruit': 'Fruit' } }\n")
                .compile();
        assertTrue(result.ok(), () -> result.errors().toString());
        String dump = IrDump.print(result.schema());
        assertTrue(dump.contains("module main.json\ninclude parts/one.json\n"), dump);
        assertTrue(dump.contains("module parts/one.json\ninclude two.json\n"), dump);
        assertTrue(dump.contains("module two.json\nobject Basket\n"), dump);
    }

    @Test
    void aFileIncludedTwiceIsReadOnceButBothDirectivesAreKept() {
        var result = Fixtures.file("main.json", "{ 'include': 'lib.json' }\n{ 'include': 'lib.json' }\n")
                .and("lib.json", "{ 'enum': 'Tool', 'data': ['saw'] }\n")
                .compile();
        assertTrue(result.ok(), () -> result.errors().toString());
        String dump = IrDump.print(result.schema());
        assertTrue(dump.contains("module main.json\ninclude lib.json\ninclude lib.json\nmodule lib.json\n"), dump);
    }

    @Test
    void aLoopIsReportedAtTheDirectiveThatCloses() {
        String errors = Fixtures.file("a.json", "{ 'include': 'b.json' }\n")
                .and("b.json", "\n\n{ 'include': 'a.json' }\n")
                .errors();
        assertEquals("In file included from a.json:1:\nb.json:3: inclusion loop for a.json", errors);
    }

    @Test
    void aMissingFileNamesThePathAsJoined() {
        String errors =
                Fixtures.file("dir/a.json", "{ 'include': 'gone.json' }\n").errors();
        assertEquals("dir/a.json:1: can't read include file 'dir/gone.json': No such file or directory", errors);
    }

    @Test
    void aMissingRootHasNoLocation() {
        String errors = Fixtures.file("here.json", "").compileMissing();
        assertEquals("can't read schema file 'nowhere.json': No such file or directory", errors);
    }
}
