package io.qapi.runtime.keyval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An object under construction: member names to values, each a {@code String} or a nested
 * {@code Dict}.
 *
 * <p>It iterates in the order of QEMU's {@code QDict}, because that order is observable: it is
 * the order of members in QEMU's output, it decides which of two faulty members is reported,
 * and, for list indexes written two ways ({@code 1} and {@code 01}), which value wins. A QDict
 * is a hash table of 512 buckets, walked bucket by bucket; a new member goes to the head of its
 * bucket, and replacing a value keeps its place. The bucket is the key's hash modulo 512, with
 * the hash function QEMU uses (gdbm's, by way of tdb). This reproduces, for instance, QEMU's
 * {@code query-status} reply, {@code {"status": …, "singlestep": …, "running": …}}, where
 * {@code status} and {@code singlestep} share a bucket and {@code status} came last.
 */
final class Dict {
    private static final int BUCKETS = 512;

    /** In order of first insertion. */
    private final Map<String, Object> members = new LinkedHashMap<>();

    Object get(String name) {
        return members.get(name);
    }

    void put(String name, Object value) {
        members.put(name, value);
    }

    /** Member names in QEMU's iteration order. */
    List<String> names() {
        List<String> names = new ArrayList<>(members.keySet());
        // Newest first within a bucket: reverse the insertion order, then sort stably.
        Collections.reverse(names);
        // a lambda of this class, not Comparator.comparingInt's own: the launcher's class-data
        // archive keeps this one, and the JDK's would be spun on each start
        names.sort((a, b) -> Integer.compare(bucket(a), bucket(b)));
        return names;
    }

    /** Member names are ASCII (see {@link Fragments}), so characters are the bytes QEMU hashes. */
    static int bucket(String name) {
        int value = 0x238F13AF * name.length();
        for (int i = 0; i < name.length(); i++) {
            value += (name.charAt(i) & 0xFF) << (i * 5 % 24);
        }
        int hash = 1103515243 * value + 12345;
        return hash & (BUCKETS - 1);
    }
}
