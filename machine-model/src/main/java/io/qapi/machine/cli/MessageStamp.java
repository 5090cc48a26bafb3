package io.qapi.machine.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code -msg timestamp=on}: QEMU 7.2 then begins each error and warning line it reports with
 * the time in UTC, to the microsecond ({@code 2026-12-06T05:19:05.065776Z qemu-system-x86_64:
 * …}); libvirt passes it to every domain and shows those lines from its log. The model does the
 * same for its own reports.
 */
final class MessageStamp {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private MessageStamp() {}

    /** Whether the command line asks for time stamps: the last {@code -msg} that sets {@code timestamp} says. */
    static boolean requested(CommandLine commandLine) {
        boolean on = false;
        for (String msg : commandLine.all("msg")) {
            String value = DeviceOption.parse(msg).get("timestamp");
            if (value != null) {
                on = OptsFields.bool(value).orElse(false);
            }
        }
        return on;
    }

    /** The line's prefix: the time and a space when stamped, else nothing. */
    static String prefix(boolean stamped) {
        return stamped ? FORMAT.format(Instant.now()) + " " : "";
    }
}
