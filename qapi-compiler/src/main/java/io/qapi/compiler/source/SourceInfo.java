package io.qapi.compiler.source;

/**
 * Where something was written: a file as it was opened, a 1-based line, the include directive
 * that brought the file in, and the definition being checked when the location belongs to one.
 *
 * <p>The definition context reproduces QEMU's "F: In struct 'X':" line: it is attached by the
 * expression checker once it knows the definition's kind and name, and every node derived from
 * that definition carries the same context.
 *
 * @param file       the path as QEMU prints it (the root as given, includes joined to their includer's directory)
 * @param line       1-based line, or 0 for a location without a line
 * @param includedBy the location of the include directive, or {@code null} for the root file
 * @param defn       the enclosing definition, or {@code null}
 */
public record SourceInfo(String file, int line, SourceInfo includedBy, Definition defn) {

    /** The kind and name of the definition a location belongs to. */
    public record Definition(String meta, String name) {}

    public static SourceInfo of(String file, int line, SourceInfo includedBy) {
        return new SourceInfo(file, line, includedBy, null);
    }

    /** The same location in a file read through the include directive at {@code parent}. */
    public SourceInfo includedBy(SourceInfo parent) {
        return parent == null ? this : new SourceInfo(file, line, parent, defn);
    }

    public SourceInfo withDefinition(String meta, String name) {
        return new SourceInfo(file, line, includedBy, new Definition(meta, name));
    }

    /** {@code file:line}, as QEMU's {@code loc()}. */
    public String loc() {
        return line > 0 ? file + ":" + line : file;
    }

    /** The "In file included from" lines, outermost include first. */
    public String includePath() {
        StringBuilder sb = new StringBuilder();
        for (SourceInfo parent = includedBy; parent != null; parent = parent.includedBy) {
            sb.insert(0, "In file included from " + parent.loc() + ":\n");
        }
        return sb.toString();
    }

    /** The full location prefix QEMU prints before a message. */
    @Override
    public String toString() {
        String inDefn = defn == null ? "" : file + ": In " + defn.meta() + " '" + defn.name() + "':\n";
        return includePath() + inDefn + loc();
    }
}
