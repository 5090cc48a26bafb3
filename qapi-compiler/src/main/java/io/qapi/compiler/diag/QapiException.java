package io.qapi.compiler.diag;

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

    public Diagnostic diagnostic() {
        return diagnostic;
    }
}
