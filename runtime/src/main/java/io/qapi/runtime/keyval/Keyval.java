package io.qapi.runtime.keyval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.runtime.api.QmpError;
import java.util.Objects;

/**
 * QEMU's {@code KEY=VALUE,...} option syntax, as {@code -object}, {@code -machine}, {@code -smp}
 * and friends take it, read into a JSON tree exactly as QEMU's {@code keyval_parse()} builds it.
 *
 * <p>The syntax:
 * <ul>
 *   <li>items are separated by {@code ','}; an item is {@code key=value}; a trailing
 *       {@code ','} is allowed;</li>
 *   <li>a value runs to the next single {@code ','}; {@code ',,'} stands for a comma in it;</li>
 *   <li>a key is fragments joined by {@code '.'}: {@code a.b=1} gives {@code {"a": {"b": "1"}}};
 *       each fragment is a QAPI name (a letter, then letters, digits, {@code '-'} and
 *       {@code '_'}, optionally after a downstream prefix {@code __RFQDN_}) or, after the
 *       first, decimal digits; a fragment has at most 127 characters;</li>
 *   <li>an object whose members are all digit fragments becomes a list, element <i>n</i> being
 *       member <i>n</i>; the indexes must be exactly 0 to <i>n</i>&minus;1, in any order
 *       ({@code 1} and {@code 01} are the same index);</li>
 *   <li>a key given twice keeps its last value; a key used both for a value and for an object
 *       (or a list) is an error;</li>
 *   <li>with an implied key, the first item may be a bare value (no {@code '='}, no
 *       {@code ','}): {@code node,nodeid=1} with implied key {@code type} is
 *       {@code type=node,nodeid=1};</li>
 *   <li>a bare {@code help} or {@code ?} item, anywhere, asks for help rather than adding a
 *       member.</li>
 * </ul>
 *
 * <p>Every value is a JSON string; converting them to the types a schema wants is the job of
 * {@link io.qapi.runtime.api.Input#KEYVAL}. Objects list their members in the order QEMU's
 * dictionaries iterate them (see {@link Dict}), which is also the order QEMU would print them
 * in and, where several errors are present, decides which one QEMU reports.
 *
 * <p>Bad input is reported as a {@link QmpError} of class {@code GenericError} with QEMU's
 * message, for example {@code Invalid parameter 'a b'} or {@code Parameter 'list.1' missing};
 * nothing else is thrown for any input text. QEMU reads options as C strings, so a NUL
 * character ends the text here too.
 */
public final class Keyval {
    private Keyval() {}

    /**
     * The result of parsing where help may be asked for.
     *
     * @param tree the parameters given, without any {@code help} items
     * @param help whether a bare {@code help} or {@code ?} item was present
     */
    public record Parsed(ObjectNode tree, boolean help) {
        public Parsed {
            Objects.requireNonNull(tree, "tree");
        }
    }

    /** Parses {@code params} with no implied key: every item must be {@code key=value}. */
    public static ObjectNode parse(String params) {
        return parse(params, null);
    }

    /**
     * Parses {@code params}; {@code impliedKey}, if not null, is the key of a first item given as
     * a bare value (for instance {@code "qom-type"} for {@code -object}). Where help cannot be
     * given, a {@code help} item is the error {@code Help is not available for this option}.
     *
     * @throws IllegalArgumentException if {@code impliedKey} is not a valid key (a programming
     *     error, whatever the input)
     * @throws QmpError for bad input
     */
    public static ObjectNode parse(String params, String impliedKey) {
        return run(params, impliedKey, false).tree();
    }

    /**
     * Parses {@code params} like {@link #parse(String, String)}, and says whether help was asked
     * for instead of rejecting it. The rest of the text is still checked and returned, so that
     * help can depend on it, as in {@code -machine pc,help}.
     */
    public static Parsed parseWithHelp(String params, String impliedKey) {
        return run(params, impliedKey, true);
    }

    private static Parsed run(String params, String impliedKey, boolean helpAvailable) {
        Objects.requireNonNull(params, "params");
        if (impliedKey != null) {
            checkImpliedKey(impliedKey);
        }
        int nul = params.indexOf('\0');
        KeyvalParser parser = new KeyvalParser(nul < 0 ? params : params.substring(0, nul));
        Dict root = parser.parse(impliedKey);
        if (parser.help() && !helpAvailable) {
            throw QmpError.generic("Help is not available for this option");
        }
        return new Parsed(Listify.tree(root), parser.help());
    }

    /** QEMU asserts that an implied key is well formed; here it is checked before any input. */
    private static void checkImpliedKey(String impliedKey) {
        try {
            KeyvalParser.checkKey(impliedKey);
        } catch (QmpError e) {
            throw new IllegalArgumentException("invalid implied key '" + impliedKey + "': " + e.desc(), e);
        }
    }
}
