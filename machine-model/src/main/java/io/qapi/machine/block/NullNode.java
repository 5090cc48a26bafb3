package io.qapi.machine.block;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A block node of a null driver, as {@code blockdev-add} made it: no host file, no data.
 *
 * @param nodeName   its name
 * @param driver     {@code null-co} or {@code null-aio}
 * @param size       the {@code size} option, if given
 * @param readZeroes the {@code read-zeroes} option, if given
 * @param readOnly   the {@code read-only} option
 */
public record NullNode(
        String nodeName, String driver, OptionalLong size, Optional<Boolean> readZeroes, boolean readOnly)
        implements BlockNode {
    /** A null node's size when none is given: 1 GiB. */
    public static final long DEFAULT_SIZE = 1L << 30;

    private static final long SECTOR = 512;

    public NullNode {
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(readZeroes, "readZeroes");
    }

    @Override
    public long actualSize() {
        return 0;
    }

    @Override
    public Optional<Boolean> dirtyFlag() {
        return Optional.empty();
    }

    @Override
    public Optional<String> fileChild() {
        return Optional.empty();
    }

    /** The size the guest sees: the given size rounded up to whole 512-byte sectors (measured on QEMU 7.2). */
    @Override
    public long virtualSize() {
        long bytes = size.orElse(DEFAULT_SIZE);
        return (bytes + SECTOR - 1) / SECTOR * SECTOR;
    }

    /**
     * The node's file name as QEMU 7.2 shows it: {@code null-co://} when no option of the driver
     * was given, else {@code json:} and the driver's options, in the order QEMU prints them
     * ({@code read-zeroes}, {@code driver}, {@code size}; measured).
     */
    @Override
    public String filename() {
        if (size.isEmpty() && readZeroes.isEmpty()) {
            return driver + "://";
        }
        StringBuilder json = new StringBuilder("json:{");
        readZeroes.ifPresent(
                zeroes -> json.append("\"read-zeroes\": ").append(zeroes).append(", "));
        json.append("\"driver\": \"").append(driver).append('"');
        size.ifPresent(bytes -> json.append(", \"size\": ").append(bytes));
        return json.append('}').toString();
    }

    @Override
    public ObjectNode options() {
        ObjectNode options =
                JsonNodeFactory.instance.objectNode().put("driver", driver).put("node-name", nodeName);
        size.ifPresent(bytes -> options.put("size", bytes));
        readZeroes.ifPresent(zeroes -> options.put("read-zeroes", zeroes));
        if (readOnly) {
            options.put("read-only", true);
        }
        return options;
    }
}
