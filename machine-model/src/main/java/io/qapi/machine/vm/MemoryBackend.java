package io.qapi.machine.vm;

/**
 * A {@code memory-backend-ram} object as {@code query-memdev} shows it. The model records it; it
 * allocates nothing.
 *
 * @param id       the object's id
 * @param size     its size in bytes
 * @param merge    {@code merge} (default on)
 * @param dump     {@code dump} (default on)
 * @param prealloc {@code prealloc} (default off)
 * @param share    {@code share} (default off)
 * @param reserve  {@code reserve} (default on)
 * @param policy   {@code policy} (default {@code default})
 */
public record MemoryBackend(String id, long size, boolean merge, boolean dump, boolean prealloc, boolean share,
        boolean reserve, String policy) {
}
