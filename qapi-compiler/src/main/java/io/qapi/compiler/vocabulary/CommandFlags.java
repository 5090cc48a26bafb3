package io.qapi.compiler.vocabulary;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A command's flags, as the schema sets them and as the model keeps them: one record from the
 * expression check to the generators, so a new flag is added here, where it is read, and where
 * it is used.
 *
 * @param gen             false: QEMU generates no marshalling for it ({@code 'gen': false})
 * @param successResponse false: no reply on success ({@code 'success-response': false})
 */
public record CommandFlags(
        boolean gen,
        boolean successResponse,
        boolean boxed,
        boolean allowOob,
        boolean allowPreconfig,
        boolean coroutine) {
    /** The flags that are on unless a command says {@code false}; the schema may only turn them off. */
    public static final List<String> ON_UNLESS_FALSE = List.of("gen", "success-response");
    /** The flags that are off unless a command says {@code true}. */
    public static final List<String> OFF_UNLESS_TRUE = List.of("boxed", "allow-oob", "allow-preconfig", "coroutine");

    /** The flags of a command whose definition has the keys {@code present} accepts. */
    public static CommandFlags of(Predicate<String> present) {
        return new CommandFlags(
                !present.test("gen"),
                !present.test("success-response"),
                present.test("boxed"),
                present.test("allow-oob"),
                present.test("allow-preconfig"),
                present.test("coroutine"));
    }

    /** Every flag's key in a schema. */
    public static final List<String> KEYS =
            Stream.concat(ON_UNLESS_FALSE.stream(), OFF_UNLESS_TRUE.stream()).toList();
}
