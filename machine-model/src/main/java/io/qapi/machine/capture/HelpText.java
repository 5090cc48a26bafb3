package io.qapi.machine.capture;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Captures what the binary prints for {@code -OPTION help} and {@code -machine TYPE,help} (its standard output; it exits 0 after). */
final class HelpText {
    private static final long TIMEOUT_SECONDS = 10;

    private HelpText() {}

    static String capture(Path binary, String option) throws IOException {
        return run(binary, "-" + option, "help");
    }

    /**
     * What {@code -machine TYPE,help} prints for every machine type: its options, which within a
     * family differ only in the first line (the type's name), so each distinct rest is stored once.
     * Written as {@code {"texts": [...], "machines": {TYPE: {"first-line": ..., "text": INDEX}}}}.
     */
    static ObjectNode machineOptions(Path binary, List<String> machines) throws IOException {
        ObjectNode file = JsonNodeFactory.instance.objectNode();
        ArrayNode texts = file.putArray("texts");
        ObjectNode perMachine = file.putObject("machines");
        List<String> distinct = new ArrayList<>();
        for (String machine : machines) {
            String help = run(binary, "-machine", machine + ",help");
            int firstLineEnd = help.indexOf('\n') + 1;
            String rest = help.substring(firstLineEnd);
            if (!distinct.contains(rest)) {
                distinct.add(rest);
                texts.add(rest);
            }
            perMachine
                    .putObject(machine)
                    .put("first-line", help.substring(0, firstLineEnd))
                    .put("text", distinct.indexOf(rest));
        }
        return file;
    }

    private static String run(Path binary, String... args) throws IOException {
        String option = String.join(" ", args);
        Path out = Files.createTempFile("qemu-help", ".txt");
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException(binary + " " + option + " did not end in " + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                throw new IOException(binary + " " + option + " exited " + p.exitValue());
            }
            return Files.readString(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(out);
        }
    }
}
