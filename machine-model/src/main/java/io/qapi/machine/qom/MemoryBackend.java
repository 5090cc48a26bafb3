package io.qapi.machine.qom;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
public record MemoryBackend(
        String id,
        long size,
        boolean merge,
        boolean dump,
        boolean prealloc,
        boolean share,
        boolean reserve,
        String policy) {

    /** The properties {@code -object} and {@code object-add} take for it: the size and what is not a default. */
    public ObjectNode properties() {
        ObjectNode properties = JsonNodeFactory.instance.objectNode().put("size", size);
        if (!merge) {
            properties.put("merge", false);
        }
        if (!dump) {
            properties.put("dump", false);
        }
        if (prealloc) {
            properties.put("prealloc", true);
        }
        if (share) {
            properties.put("share", true);
        }
        if (!reserve) {
            properties.put("reserve", false);
        }
        if (!policy.equals("default")) {
            properties.put("policy", policy);
        }
        return properties;
    }
}
