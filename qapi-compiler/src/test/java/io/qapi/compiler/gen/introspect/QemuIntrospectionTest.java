package io.qapi.compiler.gen.introspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.qapi.compiler.QapiCompiler;
import io.qapi.compiler.model.Entity;
import io.qapi.compiler.model.Schema;
import io.qapi.compiler.model.Types;
import io.qapi.compiler.vocabulary.IfCond;
import io.qapi.testsupport.SharedQemu;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Introspection of QEMU's real schemas from {@code ../shared/qemu}, against QEMU's own generator
 * and against what a real QEMU binary answers. Skipped, saying so, where that material is absent.
 */
class QemuIntrospectionTest {
    private static final JsonMapper JSON = new JsonMapper();

    /** The symbols of Debian 12's {@code qemu-system-x86_64} (QEMU 7.2) build that the schema tests. */
    private static final String DEBIAN_72_DEFINES = "/introspect/qemu-7.2-x86_64.defines";

    private static Schema compile(Path schema, boolean lenientDocs) {
        var result = QapiCompiler.compile(schema.toString(), new QapiCompiler.Options(lenientDocs, false));
        assertTrue(result.ok(), () -> result.errors().toString());
        return result.schema();
    }

    /**
     * The SHA-256 of the compact JSON (sorted keys, no white space, a final newline) that QEMU
     * 11.0's introspection generator builds for each schema with every condition true, so that
     * the comparison is exact without keeping QEMU's output here.
     */
    @ParameterizedTest
    @CsvSource({
        "qapi/qapi-schema.json, false, 37fd6746642d6b112cb2173ea65be012103cba1ed195b81755a9689cd91551a5",
        "qapi/qapi-schema.json, true, ab1cc31e91ace1dcd0859aeaec3752ac6bff88d1b57f5e6c75baab962d5fc9d0",
        "qga/qapi-schema.json, false, 170a2c057cdd44139c0adf573a4fd25e8597d23221e49dd522d706969ba5b180",
        "storage-daemon/qapi/qapi-schema.json, false, 218684c4e4d26e3b368b1bd5d3e90703c98396042c974ebef83c74444bf5ac03",
        "tests/qapi-schema/qapi-schema-test.json, false, "
                + "5c9d342cdb308a660d1bba33acd1f28293c24ed08552029fad09d74c88886632",
    })
    void matchesQemusGenerator(String schema, boolean unmask, String sha256) throws Exception {
        Schema s = compile(SharedQemu.dir().resolve("v11.0.0").resolve(schema), false);
        String text = JsonWriter.compact(Introspection.replyWithEverything(s, unmask)) + "\n";
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(sha256, HexFormat.of().formatHex(digest));
    }

    @Test
    void reproducesTheReplyOfDebiansQemu72() throws IOException {
        Path real = SharedQemu.dir().resolve("real-7.2/out/x86-none/query-qmp-schema.json");
        Schema s = compile(SharedQemu.dir().resolve("v7.2.0/qapi/qapi-schema.json"), true);
        JsonNode expected = JSON.readTree(real.toFile()).get("return");
        JsonNode actual = JSON.readTree(JsonWriter.compact(Introspection.reply(s, false, debianDefines())));
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), "entry " + i);
        }
        assertEquals(expected.size(), actual.size(), "number of entries");
    }

    /**
     * The symbol set is the only one that gives the real reply: taking any symbol away changes
     * the reply, and so does adding any other, except three targets that the schema only tests
     * together with TARGET_I386 ({@code 'any': [..., 'TARGET_I386', ...]}).
     */
    @Test
    void everyDerivedSymbolShowsInTheReply() throws IOException {
        Schema s = compile(SharedQemu.dir().resolve("v7.2.0/qapi/qapi-schema.json"), true);
        Json.Arr all = Introspection.generate(s, false);
        Set<String> defines = debianDefines();
        Json reply = all.select(c -> c.holds(defines));
        Set<String> unseen = new TreeSet<>();
        for (String symbol : symbols(s)) {
            Set<String> other = new LinkedHashSet<>(defines);
            if (!other.remove(symbol)) {
                other.add(symbol);
            }
            if (all.select(c -> c.holds(other)).equals(reply)) {
                unseen.add(symbol);
            }
        }
        assertEquals(Set.of("TARGET_LOONGARCH64", "TARGET_MIPS", "TARGET_PPC"), unseen);
    }

    private static Set<String> debianDefines() throws IOException {
        try (InputStream in = QemuIntrospectionTest.class.getResourceAsStream(DEBIAN_72_DEFINES)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Set<String> defines = new LinkedHashSet<>();
            text.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(defines::add);
            return defines;
        }
    }

    /** Every symbol any condition in the schema tests. */
    private static Set<String> symbols(Schema s) {
        Set<String> out = new TreeSet<>();
        s.entities()
                .filter(e -> e instanceof Entity.Definition)
                .map(e -> (Entity.Definition) e)
                .flatMap(QemuIntrospectionTest::conditions)
                .forEach(c -> collect(c.expr(), out));
        return out;
    }

    private static Stream<IfCond> conditions(Entity.Definition d) {
        List<Stream<IfCond>> parts = new ArrayList<>();
        parts.add(Stream.of(d.ifcond()));
        parts.add(d.features().stream().map(f -> f.ifcond()));
        if (d instanceof Types.EnumType e) {
            parts.add(e.values().stream()
                    .flatMap(v -> Stream.concat(
                            Stream.of(v.ifcond()), v.features().stream().map(f -> f.ifcond()))));
        } else if (d instanceof Types.ObjectType o) {
            parts.add(o.members().stream()
                    .flatMap(m -> Stream.concat(
                            Stream.of(m.ifcond()), m.features().stream().map(f -> f.ifcond()))));
            if (o.branches() != null) {
                parts.add(o.branches().variants().stream().map(v -> v.ifcond()));
            }
        } else if (d instanceof Types.AlternateType a) {
            parts.add(a.variants().stream().map(v -> v.ifcond()));
        }
        return parts.stream().flatMap(p -> p);
    }

    private static void collect(IfCond.Expr expr, Set<String> out) {
        if (expr instanceof IfCond.Symbol symbol) {
            out.add(symbol.name());
        } else if (expr instanceof IfCond.All all) {
            all.operands().forEach(o -> collect(o, out));
        } else if (expr instanceof IfCond.Any any) {
            any.operands().forEach(o -> collect(o, out));
        } else if (expr instanceof IfCond.Not not) {
            collect(not.operand(), out);
        }
    }
}
