package io.qapi.compiler.parse;

import java.util.List;

/**
 * The schema's pragmas. QEMU keeps one pragma object for the whole schema, so a pragma in any
 * file applies everywhere and the last setting wins.
 */
public record Pragmas(
        boolean docRequired,
        List<String> commandNameExceptions,
        List<String> commandReturnsExceptions,
        List<String> documentationExceptions,
        List<String> memberNameExceptions) {

    public static final Pragmas NONE = new Pragmas(false, List.of(), List.of(), List.of(), List.of());

    public Pragmas {
        commandNameExceptions = List.copyOf(commandNameExceptions);
        commandReturnsExceptions = List.copyOf(commandReturnsExceptions);
        documentationExceptions = List.copyOf(documentationExceptions);
        memberNameExceptions = List.copyOf(memberNameExceptions);
    }

    Pragmas withDocRequired(boolean value) {
        return new Pragmas(
                value, commandNameExceptions, commandReturnsExceptions, documentationExceptions, memberNameExceptions);
    }

    Pragmas withList(String name, List<String> value) {
        return switch (name) {
            case "command-name-exceptions" ->
                new Pragmas(
                        docRequired, value, commandReturnsExceptions, documentationExceptions, memberNameExceptions);
            case "command-returns-exceptions" ->
                new Pragmas(docRequired, commandNameExceptions, value, documentationExceptions, memberNameExceptions);
            case "documentation-exceptions" ->
                new Pragmas(docRequired, commandNameExceptions, commandReturnsExceptions, value, memberNameExceptions);
            case "member-name-exceptions" ->
                new Pragmas(
                        docRequired, commandNameExceptions, commandReturnsExceptions, documentationExceptions, value);
            default -> throw new IllegalArgumentException(name);
        };
    }
}
