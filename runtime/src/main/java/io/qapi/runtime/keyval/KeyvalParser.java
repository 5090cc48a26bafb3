package io.qapi.runtime.keyval;

import io.qapi.runtime.api.QmpError;

/**
 * One run over the text: items one after the other into a {@link Dict} tree, in QEMU's order of
 * checks, so that input with several faults gets the message QEMU gives for it. Lists are made
 * afterwards, by {@link Listify}.
 */
final class KeyvalParser {
    /** QEMU keeps each key fragment in a 128-byte buffer, terminator included. */
    private static final int MAX_FRAGMENT = 127;

    private final String text;
    private final Dict root = new Dict();
    private int pos;
    private boolean help;

    KeyvalParser(String text) {
        this.text = text;
    }

    /** Throws the error QEMU would give for {@code key} used in an item of its own. */
    static void checkKey(String key) {
        new KeyvalParser("").resolve(key, 0, key.length());
    }

    /** Reads all items; only the first may use the implied key. */
    Dict parse(String impliedKey) {
        String implied = impliedKey;
        while (pos < text.length()) {
            item(implied);
            implied = null;
        }
        return root;
    }

    boolean help() {
        return help;
    }

    private void item(String impliedKey) {
        int start = pos;
        int stop = start;
        while (stop < text.length() && text.charAt(stop) != '=' && text.charAt(stop) != ',') {
            stop++;
        }
        // A bare word: no '=' follows it. Help is recognised before the implied key applies.
        boolean bare = stop > start && !charIs(stop, '=');
        if (bare && helpLength(start) == stop - start) {
            help = true;
            pos = skipComma(stop);
            return;
        }
        if (bare && impliedKey != null) {
            // The implied value is the bare word as written: ",," does not escape here, so
            // "a,,b" is the value "a" followed by an empty key.
            Slot slot = resolve(impliedKey, 0, impliedKey.length());
            putValue(slot, text.substring(start, stop), impliedKey);
            pos = skipComma(stop);
            return;
        }
        Slot slot = resolve(text, start, stop);
        if (!charIs(stop, '=')) {
            throw QmpError.generic("Expected '=' after parameter '" + text.substring(start, stop) + "'");
        }
        String value = value(stop + 1);
        putValue(slot, value, text.substring(start, stop));
    }

    /** Where the last fragment of a key goes, and its name. */
    private record Slot(Dict dict, String name) {}

    /**
     * Checks the fragments of {@code key[from, end)} one by one and creates the objects they
     * pass through. Each fragment is checked before the object for the one before it is made, as
     * QEMU does; so {@code x=1,x.a b=2} is an invalid parameter, not an inconsistent one.
     */
    private Slot resolve(String key, int from, int end) {
        Dict cur = root;
        String previous = null;
        int s = from;
        while (true) {
            int len = previous != null && Fragments.isDigit(key, s, end)
                    ? Fragments.digitsLength(key, s, end)
                    : Fragments.nameLength(key, s, end);
            int fragmentEnd = s + len;
            if (len == 0 || (fragmentEnd < end && key.charAt(fragmentEnd) != '.')) {
                throw QmpError.generic("Invalid parameter '" + key.substring(from, end) + "'");
            }
            if (len > MAX_FRAGMENT) {
                boolean fragment = s != from || fragmentEnd != end;
                throw QmpError.generic("Parameter" + (fragment ? " fragment" : "") + " '"
                        + key.substring(s, fragmentEnd) + "' is too long");
            }
            if (previous != null) {
                cur = descend(cur, previous, key, from, s - 1);
            }
            previous = key.substring(s, fragmentEnd);
            if (fragmentEnd == end) {
                return new Slot(cur, previous);
            }
            s = fragmentEnd + 1;
        }
    }

    /** The object member {@code name} of {@code cur}, made if absent; {@code key[from, to)} names it. */
    private static Dict descend(Dict cur, String name, String key, int from, int to) {
        Object old = cur.get(name);
        if (old instanceof Dict dict) {
            return dict;
        }
        if (old != null) {
            throw inconsistent(key.substring(from, to));
        }
        Dict dict = new Dict();
        cur.put(name, dict);
        return dict;
    }

    private static void putValue(Slot slot, String value, String key) {
        if (slot.dict().get(slot.name()) instanceof Dict) {
            throw inconsistent(key);
        }
        slot.dict().put(slot.name(), value);
    }

    private static QmpError inconsistent(String prefix) {
        return QmpError.generic("Parameters '" + prefix + ".*' used inconsistently");
    }

    /** The value starting at {@code from}, up to a single ',' or the end; moves past it. */
    private String value(int from) {
        StringBuilder value = new StringBuilder();
        int s = from;
        while (s < text.length()) {
            char c = text.charAt(s++);
            if (c == ',') {
                if (s == text.length() || text.charAt(s) != ',') {
                    break;
                }
                s++;
            }
            value.append(c);
        }
        pos = s;
        return value.toString();
    }

    /** 1 for text starting with "?", 4 for text starting with "help", else 0. */
    private int helpLength(int start) {
        if (charIs(start, '?')) {
            return 1;
        }
        return text.startsWith("help", start) ? 4 : 0;
    }

    private boolean charIs(int index, char c) {
        return index < text.length() && text.charAt(index) == c;
    }

    private int skipComma(int index) {
        return charIs(index, ',') ? index + 1 : index;
    }
}
