package io.qapi.machine.fd;

/** A descriptor command QEMU refuses; the message is QEMU's. Nothing was changed. */
public final class DescriptorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DescriptorException(String message) {
        super(message);
    }

    /** Measured on QEMU 7.2: what getfd and add-fd say when no descriptor came with the command. */
    static DescriptorException noneSupplied() {
        return new DescriptorException("No file descriptor supplied via SCM_RIGHTS");
    }

    static DescriptorException notFound(String name) {
        return new DescriptorException("File descriptor named '" + name + "' not found");
    }
}
