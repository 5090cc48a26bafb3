package io.qapi.compiler.diag;

import io.qapi.compiler.source.SourceInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects errors. Each stage reports here instead of failing on its own; {@link #error}
 * returns an exception for the caller to throw, which abandons only the unit of work that
 * cannot go on (the rest of one file, or one definition). In first-error mode, the mode that
 * reproduces QEMU, the collector stops the whole run at the first error.
 */
public final class Diagnostics {
    private final boolean allErrors;
    private final List<Diagnostic> errors = new ArrayList<>();

    public Diagnostics(boolean allErrors) {
        this.allErrors = allErrors;
    }

    /** Records an error at a line and returns the exception that abandons the current unit. */
    public QapiException error(SourceInfo info, String message) {
        return report(new Diagnostic(info, 0, message));
    }

    /** Records an error at a line and column. */
    public QapiException error(SourceInfo info, int column, String message) {
        return report(new Diagnostic(info, column, message));
    }

    public synchronized QapiException report(Diagnostic diagnostic) {
        errors.add(diagnostic);
        QapiException ex = new QapiException(diagnostic);
        if (!allErrors) {
            throw new StopRun(ex);
        }
        return ex;
    }

    public boolean allErrors() {
        return allErrors;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<Diagnostic> errors() {
        return Collections.unmodifiableList(errors);
    }

    /** Thrown in first-error mode: unwinds to the compiler facade, which reports what was collected. */
    public static final class StopRun extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StopRun(QapiException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
