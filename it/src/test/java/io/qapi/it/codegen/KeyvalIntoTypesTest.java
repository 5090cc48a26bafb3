package io.qapi.it.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.palantir.javapoet.JavaFile;
import io.qapi.compiler.gen.Defines;
import io.qapi.compiler.gen.GenOptions.Target;
import io.qapi.runtime.api.Input;
import io.qapi.runtime.keyval.Keyval;
import io.qapi.testsupport.SharedQemu;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The -numa, -object, -smp and -device arguments QEMU 7.2 was started with in the recorded
 * runs, read in keyval syntax into the types generated from QEMU 7.2's schema, as QEMU reads
 * them: NumaOptions, ObjectOptions and SMPConfiguration with keyval's scalar conversion;
 * -device into device_add's arguments, whose device properties QEMU takes as they come.
 * (-machine has no QAPI type in 7.2: its options are the machine's QOM properties.)
 */
class KeyvalIntoTypesTest {
    private static final Path OPTIONS =
            Path.of("../runtime/src/test/resources/io/qapi/runtime/keyval/qemu-7.2-options.tsv");
    private static final Map<String, String> TYPES = Map.of(
            "-numa", "org.qemu.qmp.machine.NumaOptions",
            "-object", "org.qemu.qmp.qom.ObjectOptions",
            "-smp", "org.qemu.qmp.machine.SMPConfiguration",
            "-device", "org.qemu.qmp.qdev.DeviceAddArguments");
    private static final Map<String, String> IMPLIED =
            Map.of("-numa", "type", "-object", "qom-type", "-smp", "cpus", "-device", "driver");

    @Test
    void recordedCommandLinesDecodeIntoTheGeneratedTypes() throws IOException {
        Path schema = SharedQemu.path("v7.2.0/qapi/qapi-schema.json");
        List<JavaFile> generated = new Generation(
                        "org.qemu.qmp", Defines.EVERYTHING, Set.of(Target.TYPES, Target.CLIENT), true)
                .generate(schema);
        CompiledCode code = CompiledCode.compile(generated);
        int decoded = 0;
        for (String line : Files.readAllLines(OPTIONS)) {
            String[] columns = line.split("\t");
            if (line.startsWith("#") || columns.length < 3 || !TYPES.containsKey(columns[0]) || columns.length > 3) {
                continue;
            }
            ObjectNode tree = Keyval.parse(columns[1], IMPLIED.get(columns[0]));
            boolean device = columns[0].equals("-device");
            Object value = code.decode(TYPES.get(columns[0]), device ? Input.LENIENT : Input.KEYVAL, tree.toString());
            JsonNode written = CompiledCode.toJson(value);
            if (device) {
                // Device properties other than driver, bus and id are kept as they were.
                assertEquals(tree, written, columns[1]);
            } else {
                assertTrue(written.isObject(), columns[1]);
                assertEquals(
                        tree.get(IMPLIED.get(columns[0])).asText(),
                        written.get(IMPLIED.get(columns[0])).asText(),
                        columns[1]);
            }
            decoded++;
        }
        assertTrue(decoded >= 35, "decoded " + decoded + " recorded arguments");
    }

    @Test
    void scalarsAreConvertedByType() throws IOException {
        Path schema = SharedQemu.path("v7.2.0/qapi/qapi-schema.json");
        CompiledCode code = CompiledCode.compile(
                new Generation("org.qemu.qmp", Defines.EVERYTHING, Set.of(Target.TYPES), true).generate(schema));
        Object smp = code.decode(
                "org.qemu.qmp.machine.SMPConfiguration",
                Input.KEYVAL,
                Keyval.parse("4,sockets=2,cores=4,threads=1,maxcpus=8", "cpus").toString());
        JsonText.assertEquivalent(
                "{'cpus': 4, 'sockets': 2, 'cores': 4, 'threads': 1, 'maxcpus': 8}", CompiledCode.toJson(smp));
        Object ram = code.decode(
                "org.qemu.qmp.qom.ObjectOptions",
                Input.KEYVAL,
                Keyval.parse("memory-backend-ram,id=m0,size=512M", "qom-type").toString());
        JsonText.assertEquivalent(
                "{'qom-type': 'memory-backend-ram', 'id': 'm0', 'size': 536870912}", CompiledCode.toJson(ram));
    }
}
