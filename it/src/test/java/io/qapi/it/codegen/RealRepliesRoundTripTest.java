package io.qapi.it.codegen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.JavaFile;
import io.qapi.compiler.gen.Defines;
import io.qapi.compiler.gen.GenOptions.Target;
import io.qapi.runtime.api.Decoder;
import io.qapi.runtime.api.Decoders;
import io.qapi.runtime.api.Input;
import io.qapi.runtime.api.ObjectReader;
import io.qapi.testsupport.SharedQemu;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every reply captured from a real QEMU 7.2 ({@code shared/qemu/real-7.2/out}) decodes
 * leniently into the return type of its command in the client generated from QEMU 7.2's own
 * schema, and writes back as the same JSON (member order aside). Error replies, and replies of
 * commands that return nothing, have no value to decode and are counted apart.
 */
class RealRepliesRoundTripTest {
    private static final String PKG = "org.qemu.qmp";

    @TestFactory
    Stream<DynamicTest> everyCapturedReplyRoundTrips() throws Exception {
        Path out = SharedQemu.path("real-7.2/out");
        Path schema = SharedQemu.path("v7.2.0/qapi/qapi-schema.json");
        List<RealReply> replies = RealReply.under(out);
        List<JavaFile> generated =
                new Generation(PKG, Defines.EVERYTHING, Set.of(Target.TYPES, Target.CLIENT), true).generate(schema);
        CompiledCode code = CompiledCode.compile(generated);
        Class<?> client = code.type(PKG + ".Client");

        List<DynamicTest> tests = new ArrayList<>();
        TreeMap<String, Integer> covered = new TreeMap<>();
        int errors = 0;
        Set<String> withoutValue = new LinkedHashSet<>();
        for (RealReply reply : replies) {
            if (reply.isError()) {
                errors++;
                continue;
            }
            Method method = syncMethod(client, reply.command());
            if (method.getReturnType() == void.class) {
                withoutValue.add(reply.command());
                continue;
            }
            covered.merge(reply.source().replaceFirst(":.*", ""), 1, Integer::sum);
            tests.add(DynamicTest.dynamicTest(reply.source() + " (" + reply.command() + ")", () -> {
                Decoder<?> decoder = decoder(code, method.getGenericReturnType());
                Object decoded = decoder.decode(Input.LENIENT, reply.value(), "");
                JsonText.assertEquivalent(
                        reply.value(),
                        CompiledCode.toJson(decoded),
                        reply.source() + " as the reply of " + reply.command());
            }));
        }
        System.out.printf(
                "Real QEMU 7.2 replies: %d round trips from %d files; %d error replies and the replies of %s"
                        + " (which return nothing) skipped%n",
                tests.size(), covered.size(), errors, withoutValue);
        covered.forEach((file, n) -> System.out.println("  " + file + ": " + n));
        assertTrue(tests.size() > 300, "too few replies found under " + out + ": " + tests.size());
        for (String essential : List.of(
                "x86-none/query-qmp-schema.json",
                "x86-none/query-machines.json",
                "x86-none/query-cpu-definitions.json",
                "x86-none/cpu-model-expansion/max.full.json",
                "x86-none/device-list-properties.virtio-net-pci.json",
                "machines/pc/query-hotpluggable-cpus.json",
                "hotplug-cpus/pc-smp4-max8.json",
                "x86-none/qom-list-types.json")) {
            assertTrue(covered.containsKey(essential), essential + " was not covered");
        }
        return tests.stream();
    }

    /** The client's blocking method for a command: {@code query-cpu-model-expansion} is {@code queryCpuModelExpansion}. */
    private static Method syncMethod(Class<?> client, String command) {
        String[] words = command.split("[-_]");
        StringBuilder name = new StringBuilder(words[0].toLowerCase(Locale.ROOT));
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        Method found = null;
        for (Method m : client.getMethods()) {
            if (m.getName().equals(name.toString())
                    && (found == null || m.getParameterCount() > found.getParameterCount())) {
                found = m;
            }
        }
        assertTrue(found != null, "the client has no method " + name + " for " + command);
        return found;
    }

    /** The decoder of a client method's return type. */
    private static Decoder<?> decoder(CompiledCode code, Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return ObjectReader.listOf(decoder(code, p.getActualTypeArguments()[0]));
        }
        if (type == String.class) {
            return Decoders.STR;
        }
        if (type == JsonNode.class) {
            return Decoders.ANY;
        }
        assertTrue(type instanceof Class<?>, "unexpected return type " + type);
        return code.decoder(((Class<?>) type).getName());
    }
}
