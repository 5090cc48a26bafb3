package io.qapi.runtime.introspect;

import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What differs between the schema a client was generated from and the schema its server
 * reports ({@code query-qmp-schema}), found by {@link SchemaCheck}.
 *
 * @param differences what is missing on either side or changed, in schema order
 * @param deprecated  what the client knows (so the application may use it) and the server
 *                    marks {@code deprecated}; not a difference, a warning
 */
public record SchemaDiff(List<Difference> differences, List<Difference> deprecated) {

    public SchemaDiff {
        differences = List.copyOf(differences);
        deprecated = List.copyOf(deprecated);
    }

    /** The kinds of difference. */
    public enum Kind {
        /** The client knows it, the server does not: using it fails. */
        MISSING_ON_SERVER,
        /** The server has it, the client does not know it (new in the server). */
        MISSING_IN_CLIENT,
        /** Both have it, with different types. */
        TYPE_CHANGED,
        /** The client knows it and may use it; the server marks it deprecated. */
        DEPRECATED
    }

    /**
     * One difference.
     *
     * @param kind what differs
     * @param what a command, event, member, enum value or branch: {@code command
     *             query-foo}, {@code member 'bar'}, {@code value 'baz'}
     * @param where where it is, as a path from a command or event: {@code blockdev-add
     *              arguments.cache}; empty for commands and events themselves
     */
    public record Difference(Kind kind, String what, String where) {
        @Override
        public String toString() {
            String label = switch (kind) {
                case MISSING_ON_SERVER -> "missing on the server";
                case MISSING_IN_CLIENT -> "not known to the client";
                case TYPE_CHANGED -> "type differs";
                case DEPRECATED -> "deprecated by the server";
            };
            return label + ": " + what + (where.isEmpty() ? "" : " in " + where);
        }
    }

    /** Whether the schemas match (deprecation aside). */
    public boolean isEmpty() {
        return differences.isEmpty();
    }

    public List<Difference> of(Kind kind) {
        return (kind == Kind.DEPRECATED ? deprecated : differences)
                .stream().filter(d -> d.kind() == kind).toList();
    }

    /** Counts per kind, for a log line. */
    public String summary() {
        return Stream.concat(differences.stream(), deprecated.stream())
                .collect(Collectors.groupingBy(Difference::kind, TreeMap::new, Collectors.counting()))
                .toString();
    }

    /** One line per difference, then one per deprecated element. */
    @Override
    public String toString() {
        return Stream.concat(differences.stream(), deprecated.stream())
                .map(Difference::toString)
                .collect(Collectors.joining("\n"));
    }
}
