package io.qapi.machine.block;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * The options every node takes that the model follows for the {@code file} and {@code raw}
 * drivers (libvirt gives them): none of them shows in {@code query-named-block-nodes} but
 * {@code read-only}, yet the hardware description keeps them as given.
 *
 * @param readOnly     {@code read-only}: the node refuses writers
 * @param autoReadOnly {@code auto-read-only}: a protocol node opens its file for reading until a
 *                     writer comes, and takes writing only then
 * @param discard      {@code discard} ({@code ignore} or {@code unmap}), which changes nothing the
 *                     model shows
 */
public record NodeFlags(boolean readOnly, Optional<Boolean> autoReadOnly, Optional<String> discard) {
    /** No option given. */
    public static final NodeFlags DEFAULT = new NodeFlags(false, Optional.empty(), Optional.empty());

    public NodeFlags {
        Objects.requireNonNull(autoReadOnly, "autoReadOnly");
        Objects.requireNonNull(discard, "discard");
    }

    /** Whether a protocol node opens its file for writing when it is made. */
    public boolean opensForWriting() {
        return !readOnly && !autoReadOnly.orElse(false);
    }

    /** Puts the options that were given into {@code options}, as {@code blockdev-add} takes them. */
    void putInto(ObjectNode options) {
        discard.ifPresent(value -> options.put("discard", value));
        if (readOnly) {
            options.put("read-only", true);
        }
        autoReadOnly.ifPresent(value -> options.put("auto-read-only", value));
    }
}
