package io.qapi.machine.block;

import com.fasterxml.jackson.databind.JsonNode;
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
 * driver (one of QEMU's), the members every node takes, the driver's own, in QEMU's order. The
 * types are checked strictly ({@link Input#STRICT}) for QMP and the JSON form of the option, from
 * text ({@link Input#KEYVAL}) for its {@code key=value} form. Modeled: the {@code null-co} and
 * {@code null-aio} drivers, the {@code file} protocol driver (a host file the model looks at and
 * does not open) and the {@code raw} format driver over a {@code file} node named by
 * {@code file}. Other drivers, options the model does not follow and a {@code file} child defined
 * inline are refused as not modeled.
 */
public final class BlockdevOptions {
    /** QEMU 7.2's block drivers (its {@code BlockdevDriver}, as x86_64's binary has it). */
    public static final List<String> DRIVERS = List.of(
            "blkdebug",
            "blklogwrites",
            "blkreplay",
            "blkverify",
            "bochs",
            "cloop",
            "compress",
            "copy-before-write",
            "copy-on-read",
            "dmg",
            "file",
            "snapshot-access",
            "ftp",
            "ftps",
            "gluster",
            "host_cdrom",
            "host_device",
            "http",
            "https",
            "iscsi",
            "luks",
            "nbd",
            "nfs",
            "null-aio",
            "null-co",
            "nvme",
            "parallels",
            "preallocate",
            "qcow",
            "qcow2",
            "qed",
            "quorum",
            "raw",
            "rbd",
            "replication",
            "ssh",
            "throttle",
            "vdi",
            "vhdx",
            "vmdk",
            "vpc",
            "vvfat");
    /** QEMU's {@code BlockdevDiscardOptions}. */
    private static final List<String> DISCARD = List.of("ignore", "unmap");
    /** The {@code file} driver's options the model does not follow, in QEMU's order. */
    private static final List<String> FILE_NOT_MODELED =
            List.of("pr-manager", "locking", "aio", "aio-max-batch", "drop-cache", "x-check-cache-dropped");
    /** QEMU's {@code id_wellformed}, which node names follow too. */
    private static final Pattern NODE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");
    /** QEMU keeps node names in 32 bytes, its terminating zero included. */
    private static final int NODE_NAME_MAX = 31;
    /** The largest size the model takes: QEMU refuses sizes near 2^63 ("File too large"). */
    private static final long SIZE_MAX = 1L << 62;

    private BlockdevOptions() {}

    /** The node {@code options} ask for, its host file looked at on the host. */
    public static BlockdevRequest read(ObjectNode options, Input input) {
        return read(options, input, HostFiles.SYSTEM);
    }

    /**
     * The node {@code options} ask for, or QEMU's refusal of the options alone; the checks that
     * need the graph, or the host file (looked at through {@code host}), are the request's.
     */
    public static BlockdevRequest read(ObjectNode options, Input input, HostFiles host) {
        ObjectReader reader = input.object(options, "");
        String driver = reader.required("driver", Decoders.STR);
        if (!DRIVERS.contains(driver)) {
            throw input.badEnumValue("driver", driver);
        }
        if (!driver.startsWith("null-") && !driver.equals(FileNode.DRIVER) && !driver.equals(RawNode.DRIVER)) {
            throw QmpError.generic("blockdev-add of driver '" + driver + "' is not modeled by qemu-model");
        }
        Optional<String> nodeName = reader.optional("node-name", Decoders.STR);
        List<String> notModeled = new ArrayList<>();
        Optional<String> discard = reader.optional("discard", Decoders.STR);
        if (discard.isPresent() && !DISCARD.contains(discard.get())) {
            throw input.badEnumValue("discard", discard.get());
        }
        optionalNotModeled(reader, List.of("cache"), notModeled);
        boolean readOnly = reader.optional("read-only", Decoders.BOOL).orElse(false);
        Optional<Boolean> autoReadOnly = reader.optional("auto-read-only", Decoders.BOOL);
        optionalNotModeled(reader, List.of("force-share", "detect-zeroes"), notModeled);
        NodeFlags flags = new NodeFlags(readOnly, autoReadOnly, discard);
        return switch (driver) {
            case FileNode.DRIVER -> file(reader, nodeName, flags, notModeled, host);
            case RawNode.DRIVER -> raw(reader, nodeName, flags, notModeled);
            default -> nullNode(reader, driver, nodeName, flags, notModeled);
        };
    }

    private static BlockdevRequest nullNode(
            ObjectReader reader, String driver, Optional<String> nodeName, NodeFlags flags, List<String> notModeled) {
        if (flags.discard().isPresent()) {
            notModeled.add(0, "discard");
        }
        flags.autoReadOnly().ifPresent(value -> notModeled.add("auto-read-only"));
        Optional<Long> size = reader.optional("size", Decoders.INT64);
        optionalNotModeled(reader, List.of("latency-ns"), notModeled);
        Optional<Boolean> readZeroes = reader.optional("read-zeroes", Decoders.BOOL);
        finish(reader, notModeled);
        if (size.isPresent() && (size.get() < 0 || size.get() > SIZE_MAX)) {
            throw QmpError.generic("blockdev-add of size " + size.get() + " is not modeled by qemu-model");
        }
        String name = checkName(rootName(nodeName));
        OptionalLong givenSize = size.map(OptionalLong::of).orElseGet(OptionalLong::empty);
        NullNode node = new NullNode(name, driver, givenSize, readZeroes, flags.readOnly());
        return graph -> node;
    }

    /**
     * QEMU's order for a host file (measured on QEMU 7.2): the node name missing, the file name
     * empty, the node name malformed, taken, then the file opened.
     */
    private static BlockdevRequest file(
            ObjectReader reader, Optional<String> nodeName, NodeFlags flags, List<String> notModeled, HostFiles host) {
        String filename = reader.required("filename", Decoders.STR);
        optionalNotModeled(reader, FILE_NOT_MODELED, notModeled);
        finish(reader, notModeled);
        String name = rootName(nodeName);
        if (filename.isEmpty()) {
            throw QmpError.generic("The 'file' block driver requires a file name");
        }
        checkName(name);
        return graph -> {
            graph.checkNewName(name);
            HostFile file = host.look(filename);
            file.checkOpen(flags.opensForWriting());
            return new FileNode(name, file, flags);
        };
    }

    /**
     * QEMU's order for a format node (measured on QEMU 7.2): the node name missing, the
     * {@code file} child unknown, the node name malformed, taken.
     */
    private static BlockdevRequest raw(
            ObjectReader reader, Optional<String> nodeName, NodeFlags flags, List<String> notModeled) {
        JsonNode child = reader.required("file", Decoders.ANY);
        optionalNotModeled(reader, List.of("offset", "size"), notModeled);
        if (child.isObject()) {
            notModeled.add(0, "file");
        } else if (!child.isTextual()) {
            throw reader.input().invalidType("file", "BlockdevRef");
        }
        finish(reader, notModeled);
        String name = rootName(nodeName);
        String childName = child.textValue();
        return graph -> {
            BlockNode below = graph.node(childName)
                    .orElseThrow(() -> QmpError.generic(
                            "Cannot find device='" + childName + "' nor node-name='" + childName + "'"));
            checkName(name);
            graph.checkNewName(name);
            if (!(below instanceof FileNode file)) {
                throw QmpError.generic("blockdev-add of driver 'raw' over a '" + below.driver()
                        + "' node is not modeled by qemu-model (only over 'file')");
            }
            return new RawNode(name, file, flags);
        };
    }

    /** Reads members the model does not follow, noting each one given. */
    private static void optionalNotModeled(ObjectReader reader, List<String> members, List<String> notModeled) {
        for (String member : members) {
            reader.optional(member, Decoders.ANY).ifPresent(value -> notModeled.add(member));
        }
    }

    /** Refuses unexpected members as QEMU does, then the first member the model does not follow. */
    private static void finish(ObjectReader reader, List<String> notModeled) {
        reader.finish();
        if (!notModeled.isEmpty()) {
            String member = notModeled.get(0);
            String what = member.equals("file")
                    ? "a 'file' child defined inline (name a node instead)"
                    : "option '" + member + "'";
            throw QmpError.generic("blockdev-add " + what + " is not modeled by qemu-model");
        }
    }

    private static String rootName(Optional<String> nodeName) {
        return nodeName.orElseThrow(() -> QmpError.generic("'node-name' must be specified for the root node"));
    }

    private static String checkName(String name) {
        if (!NODE_NAME.matcher(name).matches()) {
            throw QmpError.generic("Invalid node-name: '" + name + "'");
        }
        if (name.length() > NODE_NAME_MAX) {
            throw QmpError.generic("Node name too long");
        }
        return name;
    }
}
