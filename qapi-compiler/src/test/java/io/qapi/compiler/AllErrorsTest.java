package io.qapi.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qapi.compiler.diag.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --all-errors: every independent error, none that only follows from another. */
class AllErrorsTest {
    private static final QapiCompiler.Options ALL = new QapiCompiler.Options(false, true);

    private static List<String> messages(Fixtures fixtures) {
        return fixtures.compile(ALL).errors().stream().map(Diagnostic::message).toList();
    }

    @Test
    void independentErrorsAreAllReported() {
        List<String> messages = messages(Fixtures.file("s.json", """
                { 'struct': 'Alpha', 'data': { 'x': 'NoSuchType' } }
                { 'struct': 'b-bad', 'data': {} }
                { 'enum': 'Color', 'data': [ 'red', 'red' ] }
                { 'include': 'missing.json' }
                { 'event': 'ok_EVENT' }
                """));
        assertEquals(
                List.of(
                        "can't read include file 'missing.json': No such file or directory",
                        "name of struct must use CamelCase",
                        "name of event must not use lowercase or '-'",
                        "member 'x' uses unknown type 'NoSuchType'",
                        "value 'red' collides with value 'red'"),
                messages);
    }

    @Test
    void aDroppedDefinitionIsNotReportedAgainAsUnknown() {
        List<String> messages = messages(Fixtures.file("s.json", """
                { 'struct': 'lower', 'data': {} }
                { 'struct': 'User', 'data': { 'l': 'lower' } }
                """));
        assertEquals(List.of("name of struct must use CamelCase"), messages);
    }

    @Test
    void anObjectThatFailedIsNotSaidToContainItself() {
        List<String> messages = messages(Fixtures.file("s.json", """
                { 'struct': 'Broken', 'data': { 'a': 'NoSuchType' } }
                { 'struct': 'Derived', 'base': 'Broken', 'data': {} }
                { 'command': 'cmd', 'data': { 'id': 'AlsoMissing' } }
                """));
        assertEquals(
                List.of("member 'a' uses unknown type 'NoSuchType'", "parameter 'id' uses unknown type 'AlsoMissing'"),
                messages);
    }

    @Test
    void aCycleIsReportedOnce() {
        List<String> messages = messages(Fixtures.file("s.json", """
                { 'struct': 'Loop', 'base': 'Loop2', 'data': {} }
                { 'struct': 'Loop2', 'base': 'Loop', 'data': {} }
                """));
        assertEquals(List.of("object Loop contains itself"), messages);
    }

    @Test
    void theDocumentedMembersOfAFailedDefinitionAreNotSaidToBeMissing() {
        List<String> messages = messages(Fixtures.file("s.json", """
                ##
                # @cmd:
                #
                # @id: the identifier
                ##
                { 'command': 'cmd', 'data': { 'id': 'NoSuchType' } }

                ##
                # @dropped:
                #
                # @id: the identifier
                ##
                { 'command': 'dropped', 'data': { 'id': 'str' }, 'bogus': true }

                ##
                # @Undocumented:
                #
                # @b: documented, but the check stopped at 'a'
                ##
                { 'struct': 'Undocumented', 'data': { 'a': 'str', 'b': 'str' } }
                """));
        assertEquals(
                List.of(
                        "command has unknown key 'bogus'\nValid keys are 'allow-oob', 'allow-preconfig', 'boxed', 'command', "
                                + "'coroutine', 'data', 'features', 'gen', 'if', 'returns', 'success-response'.",
                        "parameter 'id' uses unknown type 'NoSuchType'",
                        "member 'a' lacks documentation"),
                messages);
    }

    @Test
    void everyCommentDescribingWhatDoesNotExistIsReported() {
        List<String> messages = messages(Fixtures.file("s.json", """
                ##
                # @first:
                #
                # @gone: no such parameter
                ##
                { 'command': 'first' }

                ##
                # @second:
                #
                # @also-gone: no such parameter
                ##
                { 'command': 'second' }
                """));
        assertEquals(
                List.of("documented member 'gone' does not exist", "documented member 'also-gone' does not exist"),
                messages);
    }

    @Test
    void aSyntaxErrorEndsOnlyItsOwnFile() {
        List<String> messages = messages(Fixtures.file("main.json", """
                { 'include': 'broken.json' }
                { 'struct': 'after', 'data': {} }
                """)
                .and("broken.json", "{ 'enum': 'E' 'data': [] }\n{ 'struct': 'never', 'data': {} }\n"));
        assertEquals(List.of("expected ',' or '}'", "name of struct must use CamelCase"), messages);
    }

    @Test
    void firstErrorModeStopsAtTheFirst() {
        var result = Fixtures.file("s.json", """
                { 'struct': 'b-bad', 'data': {} }
                { 'event': 'ok_EVENT' }
                """).compile();
        assertEquals(1, result.errors().size());
    }
}
