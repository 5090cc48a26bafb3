package io.qapi.runtime.json;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;

/**
 * The order in which QEMU lists an object's members. QEMU keeps JSON objects in a hash table
 * of 512 buckets (its {@code QDict}), hashes keys with the gdbm/tdb string hash, puts each new
 * key at the head of its bucket, and walks the buckets in order. So replies come out as
 * {@code {"return": …, "id": …}} but {@code {"id": …, "error": …}}, and a version as
 * {@code {"micro": …, "minor": …, "major": …}}. QEMU also checks a request's members in this
 * order, which decides which of several errors it reports.
 */
public final class QDictOrder {
    private static final int BUCKETS = 512;

    private QDictOrder() {}

    /** The bucket QEMU puts {@code key} in. */
    public static int bucket(String key) {
        byte[] bytes = modifiedUtf8(key);
        int value = 0x238F13AF * bytes.length;
        for (int i = 0; i < bytes.length; i++) {
            value += (bytes[i] & 0xFF) << (i * 5 % 24);
        }
        return Integer.remainderUnsigned(1103515243 * value + 12345, BUCKETS);
    }

    /**
     * The keys in QEMU's order, given in the order they were added: by bucket, and within a
     * bucket the last added first.
     */
    public static String[] order(Iterator<String> keysAsAdded, int count) {
        String[] keys = new String[count];
        long[] sortKeys = new long[count];
        for (int i = 0; i < count; i++) {
            keys[i] = keysAsAdded.next();
            // bucket ascending, then insertion index descending; the index is kept in the low bits
            sortKeys[i] = ((long) bucket(keys[i]) << 32) | (0xFFFF_FFFFL - i);
        }
        Arrays.sort(sortKeys);
        String[] ordered = new String[count];
        for (int i = 0; i < count; i++) {
            ordered[i] = keys[(int) (0xFFFF_FFFFL - (sortKeys[i] & 0xFFFF_FFFFL))];
        }
        return ordered;
    }

    /** QEMU's C strings hold modified UTF-8: U+0000 is C0 80, other code points plain UTF-8. */
    private static byte[] modifiedUtf8(String key) {
        boolean ascii = true;
        for (int i = 0; i < key.length() && ascii; i++) {
            char c = key.charAt(i);
            ascii = c > 0 && c < 0x80;
        }
        if (ascii) {
            return key.getBytes(StandardCharsets.ISO_8859_1);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(key.length() * 2);
        key.codePoints().forEach(cp -> {
            if (cp == 0) {
                out.write(0xC0);
                out.write(0x80);
            } else {
                byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                out.write(utf8, 0, utf8.length);
            }
        });
        return out.toByteArray();
    }
}
