package io.qapi.runtime.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A command built by name carries the schema's defaults except the flags it names. */
class CommandTest {

    @Test
    void aNamedCommandTakesTheDefaultsExceptWhatItSets() {
        Command ping = Command.named("ping").allowPreconfig().handler((arguments, in) -> Json.object());
        assertEquals("ping", ping.name());
        assertEquals(List.of(), ping.features());
        assertTrue(ping.successResponse(), "replies on success unless told");
        assertFalse(ping.allowOob());
        assertTrue(ping.allowPreconfig());
        assertEquals(Json.object(), ping.handler().run(Json.object(), Input.STRICT));
    }
}
