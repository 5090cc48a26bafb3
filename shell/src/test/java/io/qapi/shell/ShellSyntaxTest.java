package io.qapi.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two input forms the shell reads: {@code command key=value …} and QMP requests as JSON. */
class ShellSyntaxTest {

    private static JsonNode json(String text) throws Exception {
        return new JsonMapper().readTree(text);
    }

    private static String refusal(String line) {
        return assertThrows(ShellError.class, () -> LineParser.parse(line)).getMessage();
    }

    @Test
    void aCommandWithoutArguments() {
        Request request = LineParser.parse("  query-status  ");
        assertEquals("query-status", request.command());
        assertTrue(request.arguments().isEmpty());
        assertFalse(request.outOfBand());
    }

    @Test
    void valuesAreJsonWhenTheyParseAndStringsOtherwise() throws Exception {
        Request request = LineParser.parse(
                "cmd n=42 big=18446744073709551615 x=1.5 on=true off=false nothing=null name=e1000 path=/machine empty=");
        assertEquals(json("""
                {"n": 42, "big": 18446744073709551615, "x": 1.5, "on": true, "off": false, "nothing": null,
                 "name": "e1000", "path": "/machine", "empty": ""}"""), request.arguments());
    }

    @Test
    void quotesAndBracketsKeepWhiteSpaceInTheirValue() throws Exception {
        Request request = LineParser.parse("""
                human-monitor-command command-line="info status" note='it is' \
                model={"name": "max", "props": {"x": [1, 2]}} list=[ 1, 2 ]""");
        assertEquals(json("""
                {"command-line": "info status", "note": "it is", "model": {"name": "max", "props": {"x": [1, 2]}},
                 "list": [1, 2]}"""), request.arguments());
    }

    @Test
    void bareWordsAreRememberedWithTheirText() {
        Request request = LineParser.parse("device_add driver=e1000 id=1 bus=\"pcie.0\" addr=0x3 flag=true");
        assertEquals(Map.of("driver", "e1000", "id", "1", "addr", "0x3", "flag", "true"), request.bareWords());
    }

    @Test
    void dottedKeysBuildNestedObjects() throws Exception {
        Request request = LineParser.parse("query-cpu-model-expansion type=full model.name=max model.props.pmu=false");
        assertEquals(json("""
                {"type": "full", "model": {"name": "max", "props": {"pmu": false}}}"""), request.arguments());
        assertEquals("max", request.bareWords().get("model.name"));
    }

    @Test
    void argumentsThatDoNotReadAreRefused() {
        assertEquals("'stray' is not a key=value argument", refusal("stop stray"));
        assertEquals("A command name comes first, not 'a=1'", refusal("a=1 b=2"));
        assertEquals("'id' is given twice", refusal("device_add id=a id=b"));
        assertEquals("'model' is given both a value and members", refusal("x model.name=max model=1"));
        assertEquals("'model' is given both a value and members", refusal("x model={} model.name=max"));
        assertEquals("'model..name' is not a valid argument name", refusal("x model..name=max"));
        assertEquals("Unterminated quote in: x a=\"open", refusal("x a=\"open"));
        assertTrue(refusal("x model={\"name\": }").startsWith("The value of 'model' is not valid JSON: "));
    }

    @Test
    void qmpRequestsAsJson() throws Exception {
        Request request = LineParser.parse("{\"execute\": \"qom-get\", \"arguments\": {\"path\": \"/machine\", "
                + "\"property\": \"type\"}, \"id\": 7}");
        assertEquals("qom-get", request.command());
        assertEquals(json("{\"path\": \"/machine\", \"property\": \"type\"}"), request.arguments());
        assertFalse(request.outOfBand());
        assertTrue(request.bareWords().isEmpty());

        Request oob = LineParser.parse("{'exec-oob': 'migrate-pause'}");
        assertEquals("migrate-pause", oob.command());
        assertTrue(oob.outOfBand());
    }

    @Test
    void jsonRequestsThatQemuWouldRefuseAreRefused() {
        assertEquals("QMP input lacks member 'execute'", refusal("{\"arguments\": {}}"));
        assertEquals("QMP input member 'execute' must be a string", refusal("{\"execute\": 1}"));
        assertEquals(
                "QMP input member 'arguments' must be an object",
                refusal("{\"execute\": \"stop\", \"arguments\": []}"));
        assertEquals("QMP input member 'control' is unexpected", refusal("{\"execute\": \"stop\", \"control\": 1}"));
        assertTrue(refusal("{\"execute\": \"stop\"").startsWith("Not a JSON object: "));
    }

    @Test
    void blankLinesAndCommentsHoldNoCommand() {
        assertTrue(LineParser.isBlank("   "));
        assertTrue(LineParser.isBlank("  # stop the guest"));
        assertFalse(LineParser.isBlank("stop # not a comment here"));
    }

    @Test
    void partialLinesEndInTheWordBeingTyped() {
        assertEquals(List.of("qom-get", "path=/machine", "prop"), Words.splitPartial("qom-get path=/machine prop"));
        assertEquals(List.of("qom-get", ""), Words.splitPartial("qom-get "));
        assertEquals(List.of("x", "model={\"name\": "), Words.splitPartial("x model={\"name\": "));
        assertEquals(List.of("x", "a=\"b c"), Words.splitPartial("x a=\"b c"));
    }
}
