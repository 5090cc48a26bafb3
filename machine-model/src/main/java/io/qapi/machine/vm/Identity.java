package io.qapi.machine.vm;

import java.util.Optional;

/**
 * What the command line says the machine is called: {@code -name} and {@code -uuid}.
 *
 * @param name the name, if one was given
 * @param uuid the UUID, the all-zero one when none was given
 */
public record Identity(Optional<String> name, String uuid) {
    public static final String NO_UUID = "00000000-0000-0000-0000-000000000000";

    public static Identity unnamed() {
        return new Identity(Optional.empty(), NO_UUID);
    }
}
