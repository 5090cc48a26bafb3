package io.qapi.machine.block;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.runtime.api.Decoders;
import io.qapi.runtime.api.Input;
import io.qapi.runtime.api.ObjectReader;
import io.qapi.runtime.api.QmpError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The options of {@code blockdev-add} and {@code -blockdev} read as QEMU 7.2 reads them: the
 * driver (one of QEMU's), the members every node takes, the null drivers' own, then the node
 * name. The types are checked strictly ({@link Input#STRICT}) for QMP and the JSON form of the
 * option, from text ({@link Input#KEYVAL}) for its {@code key=value} form. Options QEMU takes that
 * the model does not follow, and every driver but {@code null-co} and {@code null-aio} (the others
 * open host files or connections, which the model does not), are refused as not modeled.
 */
public final class BlockdevOptions {
    /** QEMU 7.2's block drivers (its {@code BlockdevDriver}, as x86_64's binary has it). */
    public static final List<String> DRIVERS = List.of("blkdebug", "blklogwrites", "blkreplay", "blkverify",
            "bochs", "cloop", "compress", "copy-before-write", "copy-on-read", "dmg", "file", "snapshot-access",
            "ftp", "ftps", "gluster", "host_cdrom", "host_device", "http", "https", "iscsi", "luks", "nbd", "nfs",
            "null-aio", "null-co", "nvme", "parallels", "preallocate", "qcow", "qcow2", "qed", "quorum", "raw", "rbd",
            "replication", "ssh", "throttle", "vdi", "vhdx", "vmdk", "vpc", "vvfat");
    /** The members every node takes that the model does not follow. */
    private static final List<String> COMMON_NOT_MODELED = List.of("discard", "cache", "auto-read-only",
            "force-share", "detect-zeroes");
    /** QEMU's {@code id_wellformed}, which node names follow too. */
    private static final Pattern NODE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");
    /** QEMU keeps node names in 32 bytes, its terminating zero included. */
    private static final int NODE_NAME_MAX = 31;
    /** The largest size the model takes: QEMU refuses sizes near 2^63 ("File too large"). */
    private static final long SIZE_MAX = 1L << 62;

    private BlockdevOptions() {
    }

    /**
     * The node {@code options} describe, or QEMU's refusal (the name's uniqueness is left to
     * {@link BlockGraph#with}).
     */
    public static BlockNode read(ObjectNode options, Input input) {
        ObjectReader reader = input.object(options, "");
        String driver = reader.required("driver", Decoders.STR);
        if (!DRIVERS.contains(driver)) {
            throw input.badEnumValue("driver", driver);
        }
        if (!driver.startsWith("null-")) {
            throw QmpError.generic("blockdev-add of driver '" + driver + "' is not modeled by qemu-model"
                    + " (it opens no host file)");
        }
        Optional<String> nodeName = reader.optional("node-name", Decoders.STR);
        List<String> notModeled = new ArrayList<>();
        for (String member : COMMON_NOT_MODELED.subList(0, 2)) {
            reader.optional(member, Decoders.ANY).ifPresent(value -> notModeled.add(member));
        }
        boolean readOnly = reader.optional("read-only", Decoders.BOOL).orElse(false);
        for (String member : COMMON_NOT_MODELED.subList(2, COMMON_NOT_MODELED.size())) {
            reader.optional(member, Decoders.ANY).ifPresent(value -> notModeled.add(member));
        }
        Optional<Long> size = reader.optional("size", Decoders.INT64);
        reader.optional("latency-ns", Decoders.INT64).ifPresent(value -> notModeled.add("latency-ns"));
        Optional<Boolean> readZeroes = reader.optional("read-zeroes", Decoders.BOOL);
        reader.finish();
        if (!notModeled.isEmpty()) {
            throw QmpError.generic("blockdev-add option '" + notModeled.get(0) + "' is not modeled by qemu-model");
        }
        if (size.isPresent() && (size.get() < 0 || size.get() > SIZE_MAX)) {
            throw QmpError.generic("blockdev-add of size " + size.get() + " is not modeled by qemu-model");
        }
        String name = nodeName.orElseThrow(
                () -> QmpError.generic("'node-name' must be specified for the root node"));
        if (!NODE_NAME.matcher(name).matches()) {
            throw QmpError.generic("Invalid node-name: '" + name + "'");
        }
        if (name.length() > NODE_NAME_MAX) {
            throw QmpError.generic("Node name too long");
        }
        OptionalLong givenSize = size.map(OptionalLong::of).orElseGet(OptionalLong::empty);
        return new BlockNode(name, driver, givenSize, readZeroes, readOnly);
    }
}
