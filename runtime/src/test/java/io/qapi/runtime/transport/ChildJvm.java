package io.qapi.runtime.transport;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The class path for a child JVM that runs a test's main class. The tests may run inside the
 * runtime module (main classes and Jackson on the module path, test classes patched in), where
 * {@code java.class.path} alone lacks both; the child gets all of them on its class path.
 */
public final class ChildJvm {
    private ChildJvm() {}

    /** The class path that holds {@code mainClass}, the runtime, its dependencies and the test libraries. */
    public static String classPath(Class<?> mainClass) {
        List<String> entries = new ArrayList<>();
        try {
            entries.add(Path.of(mainClass
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + mainClass.getName(), e);
        }
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property);
            if (value != null && !value.isEmpty()) {
                entries.add(value);
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
