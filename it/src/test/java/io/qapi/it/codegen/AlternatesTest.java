package io.qapi.it.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qapi.runtime.api.Input;
import io.qapi.runtime.api.QmpError;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An alternate's branch is chosen by the JSON type of the value, as in QEMU. */
class AlternatesTest {
    private static final String SCHEMA = """
            { 'enum': 'Preset', 'data': [ 'low', 'high' ] }
            { 'struct': 'Custom', 'data': { 'level': 'int' } }
            { 'alternate': 'Setting',
              'data': { 'off': 'null', 'on': 'bool', 'level': 'int',
                        'preset': 'Preset', 'custom': 'Custom', 'steps': [ 'int' ] } }
            { 'enum': 'RatioName', 'data': [ 'golden' ] }
            { 'alternate': 'Ratio', 'data': { 'value': 'number', 'name': 'RatioName' } }
            { 'struct': 'Panel',
              'data': { 'setting': 'Setting', '*ratio': 'Ratio', '*history': [ 'Setting' ] } }
            { 'struct': 'Screen', 'data': { 'panel': 'Panel' } }
            """;

    private static CompiledCode code;

    @BeforeAll
    static void generate() {
        code = CompiledCode.compile(Generation.of("alt").generate(SCHEMA), """
                package alt;

                public class Probe {
                    /** The branch a setting took, through the visitor. */
                    public static String branch(Setting setting) {
                        return setting.accept(new Setting.Visitor<String>() {
                            @Override
                            public String visitOff(Setting.Off value) {
                                return "off";
                            }

                            @Override
                            public String visitOn(Setting.On value) {
                                return "on " + value.value();
                            }

                            @Override
                            public String visitLevel(Setting.Level value) {
                                return "level " + value.value();
                            }

                            @Override
                            public String visitPreset(Setting.Preset value) {
                                return "preset " + value.value();
                            }

                            @Override
                            public String visitCustom(Setting.Custom value) {
                                return "custom " + value.value().level();
                            }

                            @Override
                            public String visitSteps(Setting.Steps value) {
                                return "steps " + value.value();
                            }
                        });
                    }

                    public static String panelSetting(Panel panel) {
                        return branch(panel.setting());
                    }

                    public static Object ratio(Panel panel) {
                        return panel.ratio().orElseThrow();
                    }
                }
                """);
    }

    private static Object panel(String json) {
        return code.decode("alt.Panel", Input.STRICT, json);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "null               | off",
                "true               | on true",
                "7                  | level 7",
                "'high'             | preset HIGH",
                "{ 'level': 3 }     | custom 3",
                "[ 1, 2 ]           | steps [1, 2]"
            })
    void theJsonTypeChoosesTheBranch(String value, String branch) {
        Object panel = panel("{ 'setting': " + value + " }");
        assertEquals(branch, code.call("alt.Probe", "panelSetting", panel));
        JsonText.assertEquivalent("{ 'setting': " + value + " }", CompiledCode.toJson(panel));
    }

    @Test
    void aNumberBranchTakesIntegersToo() {
        Object panel = panel("{ 'setting': null, 'ratio': 2 }");
        assertEquals(2.0, CompiledCode.invokeOn(code.call("alt.Probe", "ratio", panel), "value"));
        Object named = panel("{ 'setting': null, 'ratio': 'golden' }");
        assertEquals("Name", code.call("alt.Probe", "ratio", named).getClass().getSimpleName());
    }

    @Test
    void alternatesInAList() {
        String json = "{ 'setting': false, 'history': [ 1, 'low', null, { 'level': 2 }, [ ], true ] }";
        JsonText.assertEquivalent(json, CompiledCode.toJson(panel(json)));
    }

    @Test
    void theBranchReadsTheValueStrictly() {
        assertEquals(
                "Invalid parameter type for 'setting', expected: integer",
                assertThrows(QmpError.class, () -> panel("{ 'setting': 1.5 }")).desc());
        assertEquals(
                "Parameter 'setting' does not accept value 'medium'",
                assertThrows(QmpError.class, () -> panel("{ 'setting': 'medium' }"))
                        .desc());
        assertEquals(
                "Parameter 'setting.level' is missing",
                assertThrows(QmpError.class, () -> panel("{ 'setting': { } }")).desc());
    }

    @Test
    void aJsonTypeWithoutABranchNamesTheAlternate() {
        assertEquals(
                "Invalid parameter type for 'ratio', expected: Ratio",
                assertThrows(QmpError.class, () -> panel("{ 'setting': null, 'ratio': true }"))
                        .desc());
    }

    @Test
    void aJsonTypeWithoutABranchNamesTheMemberAloneAsInQemu() {
        // QEMU's generated visit_type_Ratio reports "name ? name : "null"", not the path.
        assertEquals(
                "Invalid parameter type for 'ratio', expected: Ratio",
                assertThrows(
                                QmpError.class,
                                () -> code.decode(
                                        "alt.Screen", Input.STRICT, "{ 'panel': { 'setting': null, 'ratio': [ ] } }"))
                        .desc());
    }
}
