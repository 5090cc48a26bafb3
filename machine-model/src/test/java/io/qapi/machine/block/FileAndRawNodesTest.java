package io.qapi.machine.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.runtime.api.Input;
import io.qapi.runtime.api.QmpError;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@code file} and {@code raw} drivers' rules, with host files given by the test; texts and
 * orders measured on QEMU 7.2 (the unwritable file as an unprivileged user).
 */
class FileAndRawNodesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DISK = "/images/disk.img";
    private static final String LOCKED = "/images/locked.img";
    private static final String DIR = "/images";
    private static final HostFiles HOST = path -> switch (path) {
        case DISK -> new HostFile(path, Optional.empty(), false, true, true, true, 1000);
        case LOCKED -> new HostFile(path, Optional.empty(), false, true, true, false, 1 << 20);
        case DIR -> new HostFile(path, Optional.empty(), true, false, true, true, 4096);
        case "/dev/null" -> new HostFile(path, Optional.empty(), false, false, true, true, 0);
        default -> HostFile.missing(path, "No such file or directory");
    };

    private static BlockGraph add(BlockGraph graph, String options) throws Exception {
        return graph.with(BlockdevOptions.read((ObjectNode) JSON.readTree(options), Input.STRICT, HOST)
                .create(graph));
    }

    private static String refusal(BlockGraph graph, String options) {
        return assertThrows(QmpError.class, () -> add(graph, options)).desc();
    }

    private static String refusal(Runnable change) {
        return assertThrows(QmpError.class, change::run).desc();
    }

    /** libvirt 9.0's two nodes for a file-backed raw disk. */
    private static BlockGraph libvirtDisk(String filename) throws Exception {
        BlockGraph storage = add(BlockGraph.EMPTY, """
                {"driver": "file", "filename": "%s", "node-name": "libvirt-1-storage", "auto-read-only": true,
                 "discard": "unmap"}""".formatted(filename));
        return add(storage, """
                {"node-name": "libvirt-1-format", "read-only": false, "driver": "raw", "file": "libvirt-1-storage"}""");
    }

    @Test
    void aRawNodeShowsItsFilesNameAndSize() throws Exception {
        BlockGraph graph = libvirtDisk(DISK);
        BlockNode format = graph.node("libvirt-1-format").orElseThrow();
        BlockNode storage = graph.node("libvirt-1-storage").orElseThrow();
        assertEquals(DISK, format.filename());
        assertEquals(1024, format.virtualSize());
        assertEquals(1024, storage.virtualSize());
        assertEquals("raw", format.driver());
        assertEquals(Optional.of(false), format.dirtyFlag());
        assertFalse(storage.readOnly()); // auto-read-only is no read-only
        assertEquals(Optional.of("libvirt-1-storage"), format.fileChild());
        assertEquals(
                "{\"driver\":\"file\",\"filename\":\"/images/disk.img\",\"node-name\":\"libvirt-1-storage\","
                        + "\"discard\":\"unmap\",\"auto-read-only\":true}",
                storage.options().toString());
        assertEquals(
                "{\"driver\":\"raw\",\"file\":\"libvirt-1-storage\",\"node-name\":\"libvirt-1-format\"}",
                format.options().toString());
    }

    @Test
    void aFileNodesRefusalsInQemusOrder() throws Exception {
        BlockGraph graph =
                add(BlockGraph.EMPTY, "{\"driver\": \"file\", \"filename\": \"" + DISK + "\", \"node-name\": \"s0\"}");
        assertEquals(
                "Parameter 'filename' is missing", refusal(graph, "{\"driver\": \"file\", \"node-name\": \"s0\"}"));
        assertEquals(
                "Invalid parameter type for 'filename', expected: string",
                refusal(graph, "{\"driver\": \"file\", \"filename\": 5}"));
        assertEquals(
                "Parameter 'discard' does not accept value 'on'",
                refusal(graph, "{\"driver\": \"file\", \"filename\": \"\", \"discard\": \"on\"}"));
        assertEquals(
                "'node-name' must be specified for the root node",
                refusal(graph, "{\"driver\": \"file\", \"filename\": \"\"}"));
        assertEquals(
                "The 'file' block driver requires a file name",
                refusal(graph, "{\"driver\": \"file\", \"filename\": \"\", \"node-name\": \"1bad\"}"));
        assertEquals(
                "Invalid node-name: '1bad'",
                refusal(graph, "{\"driver\": \"file\", \"filename\": \"/nowhere\", \"node-name\": \"1bad\"}"));
        assertEquals(
                "Duplicate nodes with node-name='s0'",
                refusal(graph, "{\"driver\": \"file\", \"filename\": \"/nowhere\", \"node-name\": \"s0\"}"));
        assertEquals(
                "Could not open '/nowhere': No such file or directory",
                refusal(
                        graph,
                        "{\"driver\": \"file\", \"filename\": \"/nowhere\", \"node-name\": \"s1\", \"read-only\": true}"));
        assertEquals(1, graph.nodes().size());
    }

    @Test
    void theFileIsOpenedForWritingUnlessReadOnlyOrAutoReadOnly() throws Exception {
        assertEquals(
                "Could not open '/images': Is a directory",
                refusal(BlockGraph.EMPTY, "{\"driver\": \"file\", \"filename\": \"/images\", \"node-name\": \"s\"}"));
        assertEquals(
                "'file' driver requires '/images' to be a regular file",
                refusal(
                        BlockGraph.EMPTY,
                        "{\"driver\": \"file\", \"filename\": \"/images\", \"node-name\": \"s\", \"auto-read-only\": true}"));
        assertEquals(
                "'file' driver requires '/dev/null' to be a regular file",
                refusal(
                        BlockGraph.EMPTY,
                        "{\"driver\": \"file\", \"filename\": \"/dev/null\", \"node-name\": \"s\", \"read-only\": true}"));
        assertEquals(
                "Could not open '/images/locked.img': Permission denied",
                refusal(
                        BlockGraph.EMPTY,
                        "{\"driver\": \"file\", \"filename\": \"" + LOCKED
                                + "\", \"node-name\": \"s\", \"auto-read-only\": false}"));
        // auto-read-only opens it for reading, and fails only when a writer comes
        BlockGraph disk = libvirtDisk(LOCKED);
        assertEquals(
                "Could not open '/images/locked.img': Permission denied",
                refusal(() -> disk.attach("libvirt-1-format", "/machine/peripheral/v0/virtio-backend")));
        assertTrue(disk.attachments().isEmpty());
    }

    @Test
    void aRawNodesRefusalsInQemusOrder() throws Exception {
        BlockGraph graph = libvirtDisk(DISK);
        assertEquals("Parameter 'file' is missing", refusal(graph, "{\"driver\": \"raw\", \"node-name\": \"f0\"}"));
        assertEquals(
                "Invalid parameter type for 'file', expected: BlockdevRef",
                refusal(graph, "{\"driver\": \"raw\", \"node-name\": \"f0\", \"file\": 5}"));
        assertEquals(
                "'node-name' must be specified for the root node",
                refusal(graph, "{\"driver\": \"raw\", \"file\": \"nosuch\"}"));
        assertEquals(
                "Cannot find device='nosuch' nor node-name='nosuch'",
                refusal(graph, "{\"driver\": \"raw\", \"node-name\": \"1bad\", \"file\": \"nosuch\"}"));
        assertEquals(
                "Invalid node-name: '1bad'",
                refusal(graph, "{\"driver\": \"raw\", \"node-name\": \"1bad\", \"file\": \"libvirt-1-storage\"}"));
        assertEquals(
                "Duplicate nodes with node-name='libvirt-1-format'",
                refusal(
                        graph,
                        "{\"driver\": \"raw\", \"node-name\": \"libvirt-1-format\", \"file\": \"libvirt-1-storage\"}"));
        assertTrue(refusal(graph, "{\"driver\": \"raw\", \"node-name\": \"f0\", \"file\": {\"driver\": \"file\"}}")
                .contains("not modeled"));
        assertTrue(refusal(graph, "{\"driver\": \"raw\", \"node-name\": \"f0\", \"file\": \"libvirt-1-format\"}")
                .contains("not modeled"));
        assertTrue(refusal(
                        graph,
                        "{\"driver\": \"file\", \"node-name\": \"f0\", \"filename\": \"x\", \"locking\": \"off\"}")
                .contains("not modeled"));
    }

    @Test
    void aNodeAFormatReadsFromIsDeletedAfterIt() throws Exception {
        BlockGraph graph = libvirtDisk(DISK);
        assertEquals("Block device libvirt-1-storage is in use", refusal(() -> graph.without("libvirt-1-storage")));
        BlockGraph attached = graph.attach("libvirt-1-format", "/machine/peripheral/v0/virtio-backend");
        assertEquals("Node libvirt-1-format is in use", refusal(() -> attached.without("libvirt-1-format")));
        assertTrue(graph.without("libvirt-1-format")
                .without("libvirt-1-storage")
                .nodes()
                .isEmpty());
    }

    @Test
    void aWriterNeedsAWritableFileNode() throws Exception {
        BlockGraph graph = add(
                BlockGraph.EMPTY,
                "{\"driver\": \"file\", \"filename\": \"" + DISK + "\", \"node-name\": \"b0\", \"read-only\": true}");
        graph = add(graph, "{\"driver\": \"raw\", \"file\": \"b0\", \"node-name\": \"b1\"}");
        BlockGraph readOnly = graph;
        assertEquals(
                "Block node is read-only",
                refusal(() -> readOnly.attach("b1", "/machine/peripheral/v0/virtio-backend")));
        // a device on the read-only node itself only reads
        assertEquals(
                1,
                graph.attach("b0", "/machine/peripheral/v0/virtio-backend")
                        .attachments()
                        .size());
    }

    @Test
    void twoDevicesOnOneFileThroughTwoNodesAreNotModeled() throws Exception {
        BlockGraph graph = add(
                        libvirtDisk(DISK),
                        "{\"driver\": \"raw\", \"file\": \"libvirt-1-storage\", \"node-name\": \"other\"}")
                .attach("libvirt-1-format", "/machine/peripheral/v0/virtio-backend");
        assertTrue(refusal(() -> graph.attach("other", "/machine/peripheral/v1/virtio-backend"))
                .contains("not modeled"));
    }
}
