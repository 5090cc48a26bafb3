package io.qapi.compiler.link;

import io.qapi.compiler.model.Module;
import io.qapi.compiler.source.Paths;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Module names in creation order: {@code ./builtin}, the root file, then each included file
 * when its first include directive is met. A name is the file relative to the root's directory.
 */
final class ModuleNames {
    private final String rootFile;
    private final String schemaDir;
    private final Set<String> names = new LinkedHashSet<>();
    private final Map<String, String> byFile = new HashMap<>();

    ModuleNames(String rootFile) {
        this.rootFile = rootFile;
        this.schemaDir = Paths.dirname(rootFile);
        names.add(Module.BUILTIN);
        open(rootFile);
    }

    void open(String file) {
        names.add(nameOf(file));
    }

    String nameOf(String file) {
        return byFile.computeIfAbsent(file, f -> Paths.relative(f, schemaDir));
    }

    Set<String> names() {
        return names;
    }

    String rootFile() {
        return rootFile;
    }
}
