package io.qapi.compiler.parse;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qapi.compiler.Fixtures;
import io.qapi.compiler.dump.IrDump;
import org.junit.jupiter.api.Test;

/** Files are parsed on a pool with a bounded queue; what it reads is the same however full it is. */
class FilePrefetchTest {

    @Test
    void moreFilesThanThePoolQueuesAreParsedByTheReaderThatMeetsThemInOrder() {
        // Three times as many files as wait for a parse thread: past the bound, the thread that
        // reads an include parses the file itself, and the outcome is the same.
        int files = 3 * FilePrefetch.WAITING_FILES;
        StringBuilder root = new StringBuilder();
        for (int i = 0; i < files; i++) {
            root.append("{ 'include': 'part").append(i).append(".json' }\n");
        }
        var fixture = Fixtures.file("main.json", root.toString());
        for (int i = 0; i < files; i++) {
            fixture = fixture.and("part" + i + ".json", "{ 'enum': 'Enum" + i + "', 'data': ['v'] }\n");
        }
        var result = fixture.compile();
        assertTrue(result.ok(), () -> result.errors().toString());
        String dump = IrDump.print(result.schema());
        int last = -1;
        for (int i = 0; i < files; i++) {
            int at = dump.indexOf("module part" + i + ".json\nenum Enum" + i + "\n");
            assertTrue(at > last, "part" + i + " missing or out of order");
            last = at;
        }
    }
}
