package io.qapi.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code mvn io.qapi:qapi-maven-plugin:help -Ddetail}: the help goal exists, and every
 * parameter of every goal, in the plugin descriptor Maven reads, has a description that the help
 * goal prints.
 */
class HelpGoalTest {

    /** Goal to (parameter name to description, editable ones only when {@code editableOnly}). */
    private static Map<String, Map<String, String>> descriptor(boolean editableOnly) throws Exception {
        Document doc;
        try (InputStream in = HelpGoalTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertNotNull(in, "no plugin descriptor on the class path");
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        Map<String, Map<String, String>> goals = new LinkedHashMap<>();
        NodeList mojos = doc.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            Map<String, String> parameters = new LinkedHashMap<>();
            NodeList params =
                    ((Element) mojo.getElementsByTagName("parameters").item(0)).getElementsByTagName("parameter");
            for (int j = 0; j < params.getLength(); j++) {
                Element p = (Element) params.item(j);
                if (editableOnly && text(p, "editable").equals("false")) {
                    continue;
                }
                parameters.put(text(p, "name"), text(p, "description"));
            }
            goals.put(text(mojo, "goal"), parameters);
        }
        return goals;
    }

    private static String text(Element parent, String child) {
        NodeList nodes = parent.getElementsByTagName(child);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }

    @Test
    void everyParameterOfEveryGoalIsDescribed() throws Exception {
        Map<String, Map<String, String>> goals = descriptor(false);
        assertEquals(
                List.of("generate", "generate-test", "help"),
                goals.keySet().stream().sorted().toList());
        List<String> undescribed = new ArrayList<>();
        goals.forEach((goal, parameters) -> parameters.forEach((name, description) -> {
            if (description.isEmpty()) {
                undescribed.add(goal + ":" + name);
            }
        }));
        assertEquals(List.of(), undescribed);
    }

    @Test
    void theHelpGoalPrintsEveryParameterWithItsDescription() throws Exception {
        RecordingLog log = new RecordingLog();
        HelpMojo help = new HelpMojo();
        help.setLog(log);
        Mojos.set(help, "detail", true);
        Mojos.set(help, "lineLength", 80);
        Mojos.set(help, "indentSize", 2);

        help.execute();

        String printed = String.join("\n", log.at("INFO")).replaceAll("\\s+", " ");
        for (Map.Entry<String, Map<String, String>> goal : descriptor(true).entrySet()) {
            assertTrue(printed.contains("qapi:" + goal.getKey()), goal.getKey());
            assertFalse(goal.getValue().isEmpty(), goal.getKey());
            for (Map.Entry<String, String> parameter : goal.getValue().entrySet()) {
                String description =
                        parameter.getValue().replaceAll("<[^>]+>", "").replaceAll("\\s+", " ");
                String firstWords = description.substring(0, Math.min(30, description.length()));
                assertTrue(
                        printed.contains(parameter.getKey()) && printed.contains(firstWords),
                        goal.getKey() + ":" + parameter.getKey() + " not printed with '" + firstWords + "'");
            }
        }
    }
}
