package io.qapi.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

/** Arguments checked against QEMU 7.2's {@code query-qmp-schema}, with QEMU's messages. */
class ShellArgumentCheckTest {
    private final ArgumentChecker checker = new ArgumentChecker(SchemaFixture.qemu72Schema());

    private JsonNode checked(String line) {
        return checker.check(LineParser.parse(line));
    }

    private String refusal(String line) {
        return assertThrows(ShellError.class, () -> checked(line)).getMessage();
    }

    private static JsonNode json(String text) throws Exception {
        return new JsonMapper().readTree(text);
    }

    @Test
    void argumentsThatFitPassUnchanged() throws Exception {
        assertEquals(
                json("{\"path\": \"/machine\", \"property\": \"type\"}"),
                checked("qom-get path=/machine property=type"));
        assertEquals(
                json("{\"type\": \"full\", \"model\": {\"name\": \"max\", \"props\": {\"pmu\": false}}}"),
                checked("query-cpu-model-expansion type=full model.name=max model.props.pmu=false"));
        assertEquals(
                json("{\"size\": 1073741824, \"node-name\": \"disk0\"}"),
                checked("block_resize size=1073741824 node-name=disk0"));
        assertEquals(json("{}"), checked("stop"));
    }

    @Test
    void unknownCommand() {
        assertEquals("The command no-such-command has not been found", refusal("no-such-command"));
    }

    @Test
    void unknownArgument() {
        assertEquals("Parameter 'prop' is unexpected", refusal("qom-get path=/machine property=type prop=x"));
        assertEquals(
                "Parameter 'model.nmae' is unexpected",
                refusal("query-cpu-model-expansion type=full model.name=max model.nmae=max"));
    }

    @Test
    void missingMandatoryArgument() {
        assertEquals("Parameter 'property' is missing", refusal("qom-get path=/machine"));
        assertEquals(
                "Parameter 'model.name' is missing", refusal("query-cpu-model-expansion type=full model.props={}"));
        assertEquals("Parameter 'driver' is missing", refusal("blockdev-add node-name=n0"));
    }

    @Test
    void wrongType() {
        assertEquals(
                "Invalid parameter type for 'size', expected: integer", refusal("block_resize size=1G node-name=n"));
        assertEquals("Invalid parameter type for 'abstract', expected: boolean", refusal("qom-list-types abstract=1"));
        assertEquals(
                "Invalid parameter type for 'model', expected: object",
                refusal("query-cpu-model-expansion type=full model=max"));
        assertEquals(
                "Invalid parameter type for 'capabilities', expected: array",
                refusal("migrate-set-capabilities capabilities={}"));
        assertEquals(
                "Invalid parameter type for 'capabilities[0].state', expected: boolean",
                refusal("migrate-set-capabilities capabilities=[{\"capability\": \"xbzrle\", \"state\": 1}]"));
        assertEquals("Invalid parameter type for 'path', expected: string", refusal("qom-get path=[1] property=type"));
    }

    @Test
    void enumValues() {
        assertEquals(
                "Parameter 'type' does not accept value 'fast'",
                refusal("query-cpu-model-expansion type=fast model.name=max"));
        assertEquals(
                "Parameter 'capability' does not accept value 'warp'",
                refusal("migrate-set-capabilities capabilities=[{\"capability\": \"warp\", \"state\": true}]"));
    }

    @Test
    void unionBranchesAreCheckedByTheirTag() throws Exception {
        assertEquals("Parameter 'filename' is missing", refusal("blockdev-add driver=file node-name=n0"));
        assertEquals(
                "Parameter 'driver' does not accept value 'floppy'",
                refusal("blockdev-add driver=floppy node-name=n0"));
        assertEquals(
                "Parameter 'size' is unexpected", refusal("blockdev-add driver=file filename=/d node-name=n0 size=1"));
        assertEquals(
                json("{\"driver\": \"file\", \"filename\": \"/d\", \"aio\": \"native\"}"),
                checked("blockdev-add driver=file filename=/d aio=native"));
    }

    @Test
    void bareWordsAreStringsWhereTheSchemaWantsStrings() throws Exception {
        assertEquals(json("{\"driver\": \"e1000\", \"id\": \"1\"}"), checked("device_add driver=e1000 id=1"));
        assertEquals(json("{\"path\": \"true\", \"property\": \"null\"}"), checked("qom-get path=true property=null"));
        // quoted, a number stays a number, and is the wrong type
        assertEquals("Invalid parameter type for 'id', expected: string", refusal("device_add driver=e1000 id=[1]"));
        // BlockdevRef is a string (a node name) or an object: 7 names the node "7"
        assertEquals(json("{\"driver\": \"qcow2\", \"file\": \"7\"}"), checked("blockdev-add driver=qcow2 file=7"));
    }

    @Test
    void alternatesTakeTheBranchOfTheValuesJsonType() throws Exception {
        assertEquals(
                json("{\"driver\": \"qcow2\", \"file\": {\"driver\": \"file\", \"filename\": \"/d\"}}"),
                checked("blockdev-add driver=qcow2 file.driver=file file.filename=/d"));
        assertEquals("Parameter 'file.filename' is missing", refusal("blockdev-add driver=qcow2 file.driver=file"));
        assertEquals(
                "Invalid parameter type for 'file', expected: object or string",
                refusal("blockdev-add driver=qcow2 file=[]"));
    }

    @Test
    void deviceAddTakesTheDevicesPropertiesBesideItsSchema() throws Exception {
        assertEquals(
                json("{\"driver\": \"e1000\", \"netdev\": \"n0\", \"addr\": \"0x3\"}"),
                checked("device_add driver=e1000 netdev=n0 addr=0x3"));
        assertEquals("Parameter 'driver' is missing", refusal("device_add netdev=n0"));
    }

    @Test
    void jsonRequestsAreCheckedToo() {
        assertEquals(
                "Parameter 'property' is missing",
                refusal("{\"execute\": \"qom-get\", \"arguments\": {\"path\": \"/machine\"}}"));
        assertEquals(
                "Invalid parameter type for 'path', expected: string",
                refusal("{\"execute\": \"qom-get\", \"arguments\": {\"path\": 1, \"property\": \"type\"}}"));
    }
}
