package io.qapi.runtime.keyval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The option arguments of the command lines a real QEMU 7.2 ran, listed with the trees they make
 * in {@code qemu-7.2-options.tsv}; and, where the records are at hand, a check that the list is
 * exactly what they hold.
 */
class QemuCommandLinesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** QEMU's implied key for each option. */
    private static final Map<String, String> IMPLIED_KEYS =
            Map.of("-numa", "type", "-object", "qom-type", "-device", "driver", "-smp", "cpus", "-machine", "type");

    private static final Pattern PYTHON_PAIR =
            Pattern.compile("\"(-numa|-object|-device|-smp|-machine)\",\\s*\"([^\"]*)\"");

    private record Row(String option, String argument, JsonNode tree, boolean help) {}

    private static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = QemuCommandLinesTest.class.getResourceAsStream("qemu-7.2-options.tsv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                boolean help = columns.length > 3 && columns[3].equals("help");
                rows.add(new Row(columns[0], columns[1], MAPPER.readTree(columns[2]), help));
            }
        }
        return rows;
    }

    @Test
    void recordedArgumentsMakeTheTreesQemuMakes() throws IOException {
        List<Row> rows = rows();
        assertTrue(rows.size() > 50);
        for (Row row : rows) {
            String implied = IMPLIED_KEYS.get(row.option());
            Keyval.Parsed parsed = Keyval.parseWithHelp(row.argument(), implied);
            String where = row.option() + " " + row.argument();
            assertEquals(row.tree(), parsed.tree(), where);
            assertEquals(row.help(), parsed.help(), where);
            if (!row.help()) {
                assertEquals(row.tree(), Keyval.parse(row.argument(), implied), where);
            }
        }
    }

    @Test
    void theListHoldsExactlyTheRecordedArguments() throws IOException {
        Path records = SharedRecords.qemu72();
        Set<String> recorded = new TreeSet<>();
        for (String commandLine : commandLines(records)) {
            String[] words = commandLine.trim().split("\\s+");
            for (int i = 0; i + 1 < words.length; i++) {
                if (IMPLIED_KEYS.containsKey(words[i])) {
                    recorded.add(words[i] + " " + words[i + 1]);
                }
            }
        }
        try (Stream<Path> scripts = Files.list(records.resolve("scripts"))) {
            for (Path script : scripts.filter(p -> p.toString().endsWith(".py")).toList()) {
                Matcher pair = PYTHON_PAIR.matcher(Files.readString(script));
                while (pair.find()) {
                    recorded.add(pair.group(1) + " " + pair.group(2));
                }
            }
        }
        Set<String> listed = new TreeSet<>();
        for (Row row : rows()) {
            listed.add(row.option() + " " + row.argument());
        }
        assertEquals(recorded, listed);
    }

    /**
     * Every command line in the records: the {@code .cmdline.txt} files, the strings in JSON
     * results that start with a QEMU binary's name and a space (messages start with the name and
     * a colon), and the QEMU invocations in shell scripts, without their redirections.
     */
    private static List<String> commandLines(Path records) throws IOException {
        List<String> lines = new ArrayList<>();
        Pattern start = Pattern.compile("qemu-system-\\w+ .*", Pattern.DOTALL);
        try (Stream<Path> files = Files.walk(records)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".cmdline.txt")) {
                    lines.add(Files.readString(file));
                } else if (name.endsWith(".json")) {
                    strings(MAPPER.readTree(file.toFile()), start, lines);
                } else if (name.endsWith(".sh")) {
                    for (String line : Files.readAllLines(file)) {
                        if (start.matcher(line).matches()) {
                            lines.add(line.replaceAll(">.*", ""));
                        }
                    }
                }
            }
        }
        return lines;
    }

    private static void strings(JsonNode tree, Pattern start, List<String> found) {
        Deque<JsonNode> pending = new ArrayDeque<>(List.of(tree));
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isTextual() && start.matcher(node.textValue()).matches()) {
                found.add(node.textValue());
            }
            node.elements().forEachRemaining(pending::push);
        }
    }
}
