package io.qapi.compiler.diag;

import io.qapi.compiler.source.SourceInfo;

/**
 * Abandons the current unit of work (a file being parsed, a definition being checked) after its
 * first error. The error itself has already been recorded; catching this only decides how far
 * the damage reaches.
 */
public final class QapiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Diagnostic diagnostic;

    public QapiException(Diagnostic diagnostic) {
        super(diagnostic.format(), null, false, false);
        this.diagnostic = diagnostic;
    }

    /**
     * Abandons the current unit because of an error reported earlier, and reports nothing: in
     * all-errors mode a definition that uses a broken one would otherwise be reported for what
     * only follows from that error (its type "unknown", an object "contains itself", its
     * documented members "do not exist").
     *
     * @param info  where the unit is
     * @param cause what was reported before, for debugging only
     */
    public static QapiException followOn(SourceInfo info, String cause) {
        return new QapiException(new Diagnostic(info, 0, "follows from an earlier error: " + cause));
    }

    public Diagnostic diagnostic() {
        return diagnostic;
    }
}
