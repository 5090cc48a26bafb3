package io.qapi.machine.qom;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The order in which QEMU lists a QOM object's children: the iteration order of the GLib hash
 * table ({@code GHashTable} of GLib 2.74, keyed by {@code g_str_hash}) that holds an object's
 * properties. It depends on every name inserted and removed and on when the table resized, so it
 * is reproduced by replaying the same insertions and removals on the same algorithm: open
 * addressing with quadratic probing from {@code (hash * 11) % prime}, tombstones on removal, and
 * GLib's in-place rehash when the table grows past 15/16 occupancy or shrinks under 1/4.
 * {@code qom-list} prints the reverse of this order (QEMU prepends each property to its reply).
 *
 * <p>Not thread-safe; {@link #copy} gives an independent table, so that an owner can publish a
 * new one whole.
 */
public final class GHashTableOrder {
    private static final int MIN_SHIFT = 3;
    private static final int[] PRIME_MOD = {
        1, 2, 3, 7, 13, 31, 61, 127, 251, 509, 1021, 2039, 4093, 8191, 16381, 32749, 65521, 131071, 262139, 524287,
        1048573
    };
    private static final int UNUSED = 0;
    private static final int TOMBSTONE = 1;

    private int size;
    private int mod;
    private int mask;
    private int[] hashes;
    private String[] keys;
    private int nodes;
    private int occupied;

    public GHashTableOrder() {
        setShift(MIN_SHIFT);
        hashes = new int[size];
        keys = new String[size];
    }

    private GHashTableOrder(GHashTableOrder other) {
        size = other.size;
        mod = other.mod;
        mask = other.mask;
        hashes = other.hashes.clone();
        keys = other.keys.clone();
        nodes = other.nodes;
        occupied = other.occupied;
    }

    public GHashTableOrder copy() {
        return new GHashTableOrder(this);
    }

    /** {@code g_str_hash}: djb2 over the bytes read as signed chars. */
    static int strHash(String key) {
        int h = 5381;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h = h * 33 + b;
        }
        return h;
    }

    /** Inserts a name (nothing happens when it is there already). */
    public void insert(String key) {
        int hash = realHash(key);
        int[] found = lookup(key, hash);
        if (found[1] == 1) {
            return;
        }
        int index = found[0];
        int old = hashes[index];
        hashes[index] = hash;
        keys[index] = key;
        nodes++;
        if (old == UNUSED) {
            occupied++;
            maybeResize();
        }
    }

    /** Removes a name, leaving a tombstone (nothing happens when it is absent). */
    public void remove(String key) {
        int[] found = lookup(key, realHash(key));
        if (found[1] == 0) {
            return;
        }
        hashes[found[0]] = TOMBSTONE;
        keys[found[0]] = null;
        nodes--;
        maybeResize();
    }

    /** The names in iteration order. */
    public List<String> order() {
        List<String> order = new ArrayList<>(nodes);
        for (int i = 0; i < size; i++) {
            if (isReal(hashes[i])) {
                order.add(keys[i]);
            }
        }
        return order;
    }

    private static int realHash(String key) {
        int hash = strHash(key);
        return isReal(hash) ? hash : 2;
    }

    /** Unsigned: 0 is an unused bucket, 1 a tombstone, anything else a hash. */
    private static boolean isReal(int hash) {
        return Integer.compareUnsigned(hash, 2) >= 0;
    }

    private int toIndex(int hash) {
        return Integer.remainderUnsigned(hash * 11, mod);
    }

    /** {index, 1 if found}: where the key is, or where it would go (the first tombstone passed). */
    private int[] lookup(String key, int hash) {
        int index = toIndex(hash);
        int step = 0;
        int tombstone = -1;
        while (hashes[index] != UNUSED) {
            if (hashes[index] == hash && key.equals(keys[index])) {
                return new int[] {index, 1};
            }
            if (hashes[index] == TOMBSTONE && tombstone < 0) {
                tombstone = index;
            }
            step++;
            index = (index + step) & mask;
        }
        return new int[] {tombstone >= 0 ? tombstone : index, 0};
    }

    private void setShift(int shift) {
        size = 1 << shift;
        mod = PRIME_MOD[shift];
        mask = size - 1;
    }

    private void maybeResize() {
        if ((size > nodes * 4 && size > 1 << MIN_SHIFT) || size <= occupied + occupied / 16) {
            resize();
        }
    }

    private void resize() {
        int oldSize = size;
        int n = (int) (nodes * 1.333);
        int shift = 0;
        while (n != 0) {
            n >>= 1;
            shift++;
        }
        setShift(Math.max(shift, MIN_SHIFT));
        if (size > oldSize) {
            hashes = Arrays.copyOf(hashes, size);
            keys = Arrays.copyOf(keys, size);
        }
        boolean[] relocated = new boolean[Math.max(size, oldSize)];
        for (int i = 0; i < oldSize; i++) {
            int nodeHash = hashes[i];
            if (!isReal(nodeHash)) {
                hashes[i] = UNUSED;
                continue;
            }
            if (relocated[i]) {
                continue;
            }
            hashes[i] = UNUSED;
            String key = keys[i];
            keys[i] = null;
            while (true) {
                int index = toIndex(nodeHash);
                int step = 0;
                while (relocated[index]) {
                    step++;
                    index = (index + step) & mask;
                }
                relocated[index] = true;
                int replaced = hashes[index];
                hashes[index] = nodeHash;
                if (!isReal(replaced)) {
                    keys[index] = key;
                    break;
                }
                nodeHash = replaced;
                String evicted = keys[index];
                keys[index] = key;
                key = evicted;
            }
        }
        if (size < oldSize) {
            hashes = Arrays.copyOf(hashes, size);
            keys = Arrays.copyOf(keys, size);
        }
        occupied = nodes;
    }
}
