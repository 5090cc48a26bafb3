package io.qapi.compiler.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ClassName;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every runtime name the generator emits must resolve to a public top-level type of the
 * {@code runtime} module. The compiler does not depend on the runtime, so the check reads the
 * runtime's sources, which sit beside this module in every checkout.
 */
class RuntimeNamesTest {

    private static final Path RUNTIME_SOURCES = Path.of("../runtime/src/main/java");

    @Test
    void everyEmittedRuntimeNameIsAPublicRuntimeType() throws IOException {
        assertTrue(
                Files.isDirectory(RUNTIME_SOURCES), "runtime sources not found at " + RUNTIME_SOURCES.toAbsolutePath());
        List<String> unresolved = new ArrayList<>();
        for (ClassName name : RuntimeNames.ALL) {
            Path source = RUNTIME_SOURCES
                    .resolve(name.packageName().replace('.', '/'))
                    .resolve(name.simpleName() + ".java");
            if (!Files.isRegularFile(source) || !declaresPublicType(Files.readString(source), name)) {
                unresolved.add(name.canonicalName());
            }
        }
        assertEquals(List.of(), unresolved, "runtime names the generator emits but the runtime lacks");
    }

    @Test
    void everyConstantIsListedInAll() throws IllegalAccessException {
        List<ClassName> declared = new ArrayList<>();
        for (Field field : RuntimeNames.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == ClassName.class) {
                declared.add((ClassName) field.get(null));
            }
        }
        assertEquals(declared.size(), RuntimeNames.ALL.size(), "constants missing from RuntimeNames.ALL");
        assertTrue(RuntimeNames.ALL.containsAll(declared), "constants missing from RuntimeNames.ALL");
    }

    @Test
    void generatedCodeImportsFromTheExportedApiPackageOnly() throws IOException {
        List<String> elsewhere = RuntimeNames.ALL.stream()
                .filter(name -> !name.packageName().equals(RuntimeNames.API))
                .map(ClassName::canonicalName)
                .toList();
        assertEquals(List.of(), elsewhere, "runtime names outside " + RuntimeNames.API);
        String moduleInfo = Files.readString(RUNTIME_SOURCES.resolve("module-info.java"));
        assertTrue(
                Pattern.compile("(?m)^\\s*exports\\s+" + Pattern.quote(RuntimeNames.API) + "\\s*;")
                        .matcher(moduleInfo)
                        .find(),
                "the runtime module does not export " + RuntimeNames.API);
    }

    private static boolean declaresPublicType(String source, ClassName name) {
        Pattern declaration = Pattern.compile("(?m)^public\\s+(?:(?:final|abstract|sealed|non-sealed)\\s+)*"
                + "(?:class|interface|record|enum|@interface)\\s+" + Pattern.quote(name.simpleName()) + "\\b");
        return declaration.matcher(source).find() && source.contains("package " + name.packageName() + ";");
    }
}
