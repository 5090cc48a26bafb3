package io.qapi.compiler.lenient;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qapi.compiler.Fixtures;
import io.qapi.compiler.QapiCompiler;
import io.qapi.compiler.model.Entity;
import io.qapi.compiler.model.Module;
import io.qapi.compiler.model.Schema;
import java.util.List;

/** Helpers for the tests of what {@code --lenient-docs} accepts. */
final class Lenient {
    static final QapiCompiler.Options LENIENT = new QapiCompiler.Options(true, false);

    private Lenient() {}

    /** The model of a schema that lenient mode must accept. */
    static Schema accept(Fixtures fixtures) {
        var result = fixtures.compile(LENIENT);
        assertTrue(result.ok(), () -> result.errors().toString());
        return result.schema();
    }

    /** The first error strict mode reports; it must report one. */
    static String strictError(Fixtures fixtures) {
        String errors = fixtures.errors();
        assertFalse(errors.isEmpty(), "strict mode accepted a legacy form");
        return errors.lines().reduce((a, b) -> b).orElseThrow();
    }

    /** The names of a module's entities in definition order. */
    static List<String> names(Module module) {
        return module.entities().stream()
                .map(e -> e instanceof Entity.Definition d ? d.name() : "include " + ((Entity.Include) e).module())
                .toList();
    }
}
