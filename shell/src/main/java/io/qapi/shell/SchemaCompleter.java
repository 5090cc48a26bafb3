package io.qapi.shell;

import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/** {@link Completions} for JLine: the completions of the word at the cursor as candidates. */
final class SchemaCompleter implements Completer {
    private final Completions completions;

    SchemaCompleter(Completions completions) {
        this.completions = completions;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String beforeCursor = line.line().substring(0, line.cursor());
        for (Completions.Completion completion : completions.complete(beforeCursor)) {
            String word = completion.word();
            candidates.add(new Candidate(word, displayed(word), null, null, null, null, completion.complete()));
        }
    }

    /** The list shows what the word adds: {@code kvm} rather than {@code accel=kvm}. */
    private static String displayed(String word) {
        int equals = word.indexOf('=');
        return equals < 0 || equals == word.length() - 1 ? word : word.substring(equals + 1);
    }
}
