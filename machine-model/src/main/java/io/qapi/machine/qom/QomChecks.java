package io.qapi.machine.qom;

import io.qapi.machine.pack.TypeCatalog;
import io.qapi.runtime.api.QmpError;
import java.util.regex.Pattern;

/**
 * QEMU's checks of the names a client gives QOM: a device's or object's id, and the driver of a
 * device ({@code -device}, {@code device_add}), with QEMU's messages.
 */
public final class QomChecks {
    /** QEMU's refusal of an id that is no identifier. */
    public static final String NOT_AN_IDENTIFIER = "Parameter 'id' expects an identifier";
    /** The hint QEMU adds to that refusal on its command line (a QMP reply has no hints). */
    public static final String IDENTIFIER_HINT =
            "Identifiers consist of letters, digits, '-', '.', '_', starting with a letter.";

    /** QEMU's {@code id_wellformed}: a letter, then letters, digits, '-', '.' and '_'. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");

    private QomChecks() {}

    /** Refuses an id QEMU does not take. */
    public static void requireIdentifier(String id) {
        if (!IDENTIFIER.matcher(id).matches()) {
            throw QmpError.generic(NOT_AN_IDENTIFIER);
        }
    }

    /** Refuses a driver that is no device type, or an abstract one. */
    public static void requireDeviceType(TypeCatalog types, String driver) {
        if (!types.exists(driver) || !types.descendsFrom(driver, "device")) {
            throw QmpError.generic("'" + driver + "' is not a valid device model name");
        }
        if (types.isAbstract(driver)) {
            throw QmpError.generic("Parameter 'driver' expects a non-abstract device type");
        }
    }
}
