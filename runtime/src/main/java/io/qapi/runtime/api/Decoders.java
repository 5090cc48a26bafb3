package io.qapi.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;

/** Decoders of QAPI's builtin types, with QEMU's ranges and messages. */
public final class Decoders {
    private Decoders() {}

    public static final Decoder<String> STR = (in, json, path) -> in.string(json, path);
    public static final Decoder<Boolean> BOOL = (in, json, path) -> in.bool(json, path);
    public static final Decoder<Double> NUMBER = (in, json, path) -> in.number(json, path);
    public static final Decoder<JsonNode> ANY = (in, json, path) -> in.any(json, path);
    public static final Decoder<QNull> NULL = (in, json, path) -> in.nul(json, path);

    public static final Decoder<Integer> INT8 =
            (in, json, path) -> (int) in.integer(json, path, Byte.MIN_VALUE, Byte.MAX_VALUE, "int8_t");
    public static final Decoder<Integer> INT16 =
            (in, json, path) -> (int) in.integer(json, path, Short.MIN_VALUE, Short.MAX_VALUE, "int16_t");
    public static final Decoder<Integer> INT32 =
            (in, json, path) -> (int) in.integer(json, path, Integer.MIN_VALUE, Integer.MAX_VALUE, "int32_t");
    public static final Decoder<Long> INT64 =
            (in, json, path) -> in.integer(json, path, Long.MIN_VALUE, Long.MAX_VALUE, "int64_t");
    public static final Decoder<Integer> UINT8 =
            (in, json, path) -> (int) in.unsignedInRange(json, path, 0xFF, "uint8_t");
    public static final Decoder<Integer> UINT16 =
            (in, json, path) -> (int) in.unsignedInRange(json, path, 0xFFFF, "uint16_t");
    public static final Decoder<Long> UINT32 =
            (in, json, path) -> in.unsignedInRange(json, path, 0xFFFF_FFFFL, "uint32_t");
    /** Unsigned 64-bit, in a {@code long} with unsigned meaning. */
    public static final Decoder<Long> UINT64 = (in, json, path) -> in.unsigned(json, path, false);
    /** A size in bytes: unsigned 64-bit; in keyval syntax with an optional suffix (k, M, G, …). */
    public static final Decoder<Long> SIZE = (in, json, path) -> in.unsigned(json, path, true);
}
