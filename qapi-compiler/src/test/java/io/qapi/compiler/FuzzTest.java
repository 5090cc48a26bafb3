package io.qapi.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.qapi.compiler.diag.Diagnostic;
import io.qapi.compiler.source.SourceLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * 10,000 mutants of our golden cases: byte flips, truncations, duplicated and swapped tokens,
 * deep nesting and huge strings. Each one is accepted or rejected with a located diagnostic,
 * quickly, and never with an uncaught exception.
 */
public class FuzzTest {
    private static final int MUTANTS = 10_000;
    private static final long SEED = 20261122L;
    private static final String ALPHABET = "{}[]:,'\\#@ \t\nabcXYZ_-*.0\u00e9\u0007";

    @Test
    void mutantsAreAcceptedOrRejectedWithALocatedDiagnostic() throws IOException {
        List<Path> seeds;
        try (Stream<Path> files = Files.list(GoldenCasesTest.GOLDEN)) {
            seeds = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(seeds.size() > 100);
        Random random = new Random(SEED);
        for (int i = 0; i < MUTANTS; i++) {
            Path seed = seeds.get(random.nextInt(seeds.size()));
            String original = Files.readString(seed);
            String mutant = mutate(original, random);
            check(seed, mutant, i);
        }
    }

    private static void check(Path seed, String mutant, int index) {
        String name = seed.toString();
        SourceLoader loader = path -> path.equals(name) ? mutant : SourceLoader.FILES.read(path);
        long start = System.nanoTime();
        QapiCompiler.Result result;
        try {
            result = QapiCompiler.compile(name, QapiCompiler.Options.DEFAULT, loader);
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("mutant " + index + " of " + name + " threw:\n" + mutant, e);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        // Generous: a mutant takes milliseconds; only a run-away (exponential) case comes near
        // this, while a loaded machine's pauses do not.
        if (millis > 10_000) {
            fail("mutant " + index + " of " + name + " took " + millis + " ms");
        }
        for (Diagnostic d : result.errors()) {
            if (d.info() == null || d.line() < 1 || d.message().isEmpty()) {
                fail("mutant " + index + " of " + name + " got an unlocated diagnostic: " + d.format());
            }
        }
        assertTrue(result.ok() || !result.errors().isEmpty());
    }

    public static String mutate(String text, Random random) {
        if (text.isEmpty()) {
            return "{";
        }
        int at = random.nextInt(text.length());
        return switch (random.nextInt(7)) {
            case 0 ->
                text.substring(0, at) + ALPHABET.charAt(random.nextInt(ALPHABET.length())) + text.substring(at + 1);
            case 1 -> text.substring(0, at);
            case 2 -> duplicateSpan(text, at, random);
            case 3 -> swapSpans(text, random);
            case 4 -> nest(text, at, random);
            case 5 ->
                text.substring(0, at) + "'" + "x".repeat(100_000 + random.nextInt(100_000)) + "'" + text.substring(at);
            default -> text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + random.nextInt(8)));
        };
    }

    private static String duplicateSpan(String text, int at, Random random) {
        int end = Math.min(text.length(), at + 1 + random.nextInt(24));
        return text.substring(0, end) + text.substring(at, end) + text.substring(end);
    }

    private static String swapSpans(String text, Random random) {
        int a = random.nextInt(text.length());
        int b = random.nextInt(text.length());
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        int len = Math.min(1 + random.nextInt(12), (hi - lo) / 2);
        if (len <= 0) {
            return text;
        }
        return text.substring(0, lo)
                + text.substring(hi - len, hi)
                + text.substring(lo + len, hi - len)
                + text.substring(lo, lo + len)
                + text.substring(hi);
    }

    private static String nest(String text, int at, Random random) {
        int depth = random.nextBoolean() ? 50 + random.nextInt(400) : 2_000 + random.nextInt(50_000);
        String open = random.nextBoolean() ? "[" : "{'k':";
        return text.substring(0, at) + open.repeat(depth) + text.substring(at);
    }
}
