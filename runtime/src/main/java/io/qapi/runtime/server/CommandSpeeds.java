package io.qapi.runtime.server;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Which commands have proven quick enough to run on the I/O thread. QEMU runs every in-band
 * command on its main loop; doing the same here would let one slow command stall every
 * session. So a command runs on the pool until it has finished quickly a number of times, and
 * stays on the I/O thread only while fewer than one in eight of its recent runs took over a
 * millisecond (wall-clock times on a busy machine include preemption, so one slow run of a
 * quick command is not held against it). Should a command that ran inline turn out slow, the
 * I/O thread is replaced within milliseconds ({@link IoLoop}), so other sessions barely notice.
 * <p>
 * Handing a command to a pool thread costs a thread wake-up and two context switches, more
 * than a query takes to run, so running quick ones inline cuts the server's cost per round trip.
 */
final class CommandSpeeds {
    private static final long SLOW_NANOS = 1_000_000;
    private static final int RUNS_NEEDED = 8;
    private static final int WINDOW = 64;

    /** Recent runs and how many were slow; halved now and then so that old runs fade. */
    private static final class RecentRuns {
        int runs;
        int slow;
        volatile boolean quick;
    }

    private final ConcurrentHashMap<String, RecentRuns> records = new ConcurrentHashMap<>();
    private final boolean enabled;

    CommandSpeeds(boolean enabled) {
        this.enabled = enabled;
    }

    boolean quick(String command) {
        RecentRuns record = enabled ? records.get(command) : null;
        return record != null && record.quick;
    }

    void ran(String command, long nanos) {
        if (!enabled) {
            return;
        }
        RecentRuns record = records.computeIfAbsent(command, c -> new RecentRuns());
        synchronized (record) {
            record.runs++;
            if (nanos > SLOW_NANOS) {
                record.slow++;
            }
            if (record.runs >= WINDOW) {
                record.runs /= 2;
                record.slow /= 2;
            }
            record.quick = record.runs >= RUNS_NEEDED && record.slow * 8 < record.runs;
        }
    }
}
