package io.qapi.maven;

import io.qapi.compiler.diag.Diagnostic;
import io.qapi.compiler.source.SourceInfo;

/**
 * Diagnostics in the form IDEs and CI logs link: {@code FILE:LINE:COL: message}, with QEMU's
 * include chain and definition context after it.
 */
final class DiagnosticFormat {
    private DiagnosticFormat() {}

    static String located(Diagnostic d) {
        SourceInfo info = d.info();
        if (info == null) {
            return d.message();
        }
        StringBuilder sb = new StringBuilder(info.file())
                .append(':')
                .append(info.line())
                .append(':')
                .append(Math.max(1, d.column()))
                .append(": ")
                .append(d.message());
        if (info.defn() != null) {
            sb.append("\n    in ")
                    .append(info.defn().meta())
                    .append(" '")
                    .append(info.defn().name())
                    .append('\'');
        }
        for (SourceInfo at = info.includedBy(); at != null; at = at.includedBy()) {
            sb.append("\n    included from ").append(at.file()).append(':').append(at.line());
        }
        return sb.toString();
    }
}
