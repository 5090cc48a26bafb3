package io.qapi.compiler.lenient;

import static io.qapi.compiler.lenient.Lenient.accept;
import static io.qapi.compiler.lenient.Lenient.strictError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qapi.compiler.Fixtures;
import io.qapi.compiler.model.Documentation;
import io.qapi.compiler.model.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Documentation comments as releases before QEMU 2.9 wrote them, when nothing read them, and as
 * later releases let them be: leniently they never make a schema invalid.
 */
class LegacyDocsTest {

    private static List<String> symbols(Schema s) {
        return s.docs().stream().map(Documentation::symbol).toList();
    }

    @Test
    void aSymbolLineWithoutColonStillNamesTheDefinition() {
        Fixtures f = Fixtures.file("s.json", """
                ##
                # @Kettle
                #
                # Boils water.
                #
                # @litres: #optional how much it holds
                #
                # Since 0.1
                ##
                { 'struct': 'Kettle', 'data': { '*litres': 'int' } }
                """);
        Schema s = accept(f);
        assertEquals("Kettle", s.type("Kettle").doc().symbol());
        assertEquals(
                "#optional how much it holds",
                s.type("Kettle").doc().args().get("litres").text());
        assertEquals("s.json:2:1: line should end with ':'", strictError(f));
    }

    @Test
    void aBlockThatRunsIntoADefinitionIsOrdinaryComment() {
        Fixtures f = Fixtures.file("s.json", """
                ##
                # @brew:
                #
                # Makes tea.
                { 'command': 'brew' }
                # @Cup:
                #
                # A cup.
                ##
                { 'struct': 'Cup', 'data': {} }
                """);
        Schema s = accept(f);
        assertTrue(s.docs().isEmpty());
        assertNull(s.lookup("brew").orElseThrow().doc());
        assertEquals("s.json:5:1: documentation comment must end with '##'", strictError(f));
    }

    @Test
    void oddClosingLinesAndBannersAreTolerated() {
        Schema s = accept(Fixtures.file("s.json", """
                ###########################
                ##
                # @Spoon:
                #
                # For stirring.
                ###
                { 'struct': 'Spoon', 'data': {} }
                """));
        assertEquals(List.of("Spoon"), symbols(s));
        assertEquals("Spoon", s.type("Spoon").doc().symbol());
    }

    @Test
    void aCommentForAnotherSymbolDocumentsNothing() {
        Fixtures f = Fixtures.file("s.json", """
                ##
                # @Teapot:
                ##
                { 'enum': 'TeaPot', 'data': [ 'small' ] }
                """);
        Schema s = accept(f);
        assertNull(s.type("TeaPot").doc());
        assertEquals(List.of("Teapot"), symbols(s));
        assertEquals("s.json:4: documentation comment is for 'Teapot'", strictError(f));
    }

    @Test
    void freeFormTextRightBeforeADefinitionIsKeptApart() {
        Fixtures f = Fixtures.file("s.json", """
                ##
                # Kitchen things.
                ##
                { 'struct': 'Pan', 'data': {} }
                ##
                # @Lid:
                ##
                { 'include': 'other.json' }
                """).and("other.json", "{ 'struct': 'Plate', 'data': {} }\n");
        Schema s = accept(f);
        assertNull(s.type("Pan").doc());
        assertEquals("s.json:1: definition documentation required", strictError(f));
    }

    @Test
    void sectionsInAnyOrderAndDuplicatedAreAccepted() {
        Fixtures f = Fixtures.file("s.json", """
                ##
                # @Fork:
                #
                # Since: 1.0
                #
                # @tines: how many
                #
                # Since: 1.1
                #
                # Notes: forks are sharp.
                #
                # Example:
                #
                # -> { "execute": "fork" }
                ##
                { 'struct': 'Fork', 'data': { 'tines': 'int', 'handle': 'str' } }
                """);
        Schema s = accept(f);
        assertEquals("how many", s.type("Fork").doc().args().get("tines").text());
        assertEquals("s.json:6:1: description of '@tines:' follows a section", strictError(f));
    }

    @Test
    void anUnreadableBlockIsKeptAsText() {
        Schema s = accept(Fixtures.file("s.json", """
                ##
                # @Bowl:
                #
                # @size: small
                # @size: large
                ##
                { 'struct': 'Bowl', 'data': { 'size': 'str' } }
                """));
        assertEquals("Bowl", s.type("Bowl").doc().symbol());
        assertTrue(s.type("Bowl").doc().body().text().contains("@size: large"));
    }

    @Test
    void aDoubleHashInsideAnExpressionIsAComment() {
        Fixtures f = Fixtures.file("s.json", """
                { 'enum': 'Herb',
                  'data': [ 'basil',
                ## dried ones
                            'oregano' ] }
                """);
        accept(f);
        assertTrue(strictError(f).startsWith("s.json:3:1: "));
    }

    @Test
    void requiredDocumentationMayBeMissing() {
        Fixtures f = Fixtures.file("s.json", """
                { 'pragma': { 'doc-required': true } }
                { 'struct': 'Tray', 'data': {} }
                """);
        accept(f);
        assertEquals("s.json:2: documentation comment required", strictError(f));
    }

    @Test
    void longLinesSingleSpacesAndMissingSpaceAfterHashAreFine() {
        accept(Fixtures.file("s.json", """
                ##
                # @Whisk:
                #
                # Beats eggs. It is a rather long line that goes on and on past seventy characters.
                #Odd line.
                ##
                { 'struct': 'Whisk', 'data': {} }
                """));
    }
}
