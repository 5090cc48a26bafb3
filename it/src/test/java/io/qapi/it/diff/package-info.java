/**
 * The differential suite: the same command line and QMP script against the real QEMU 7.2 and
 * against the candidate ({@code ./qemu-model}), with the replies compared as JSON.
 *
 * <h2>Scenarios</h2>
 * One file per scenario in {@code src/test/resources/diff/}, named by what it tests, in the
 * reference harness's format ({@code args}, {@code steps}, {@code unordered}) with optional
 * {@code description}, {@code binary} and {@code ignore} (see {@link io.qapi.it.diff.Scenario}).
 * Each target is started as {@code PROGRAM ARGS -display none -accel tcg -qmp
 * unix:SOCKET,server=on,wait=off}; the candidate gets exactly the reference's arguments.
 *
 * <h2>What is compared</h2>
 * A run's outcome ({@link io.qapi.it.diff.TargetRun}) is either a start-up error (exit status,
 * and standard error with each line's program-name prefix removed) or the greeting's version
 * triple and capabilities, one reply per step, every event in order (those after the last reply
 * included: a final unknown command with an id is asked, or after {@code quit} the stream is read
 * to its end), and whether the process is still running or exited with which status. Then
 * {@link io.qapi.it.diff.Normaliser} drops event timestamps, the host {@code thread-id} of
 * {@code query-cpus-fast} entries and the scenario's {@code ignore} pointers, and sorts the list
 * replies of {@code unordered} commands; {@link io.qapi.it.diff.JsonDiff} compares with object key
 * order ignored and reports the first difference as a JSON pointer.
 * <p>
 * The greeting's {@code package} string is deliberately not compared: it names the build (a
 * distribution's version string for QEMU, the model for ours), while management software reads
 * the version triple, which is compared.
 * <p>
 * A step that gets no reply within 10 s is recorded as a timeout and the rest are not sent; every
 * process is stopped (SIGTERM, then SIGKILL after 5 s, its children included). Two processes run
 * at a time: a scenario's reference and candidate, side by side.
 *
 * <h2>Running</h2>
 * <ul>
 * <li>{@code DifferentialTest}: every scenario, QEMU against the candidate. The candidate is the
 * system property {@code qapi.model} (the build sets the launcher at the repository root); where
 * it does not exist the tests fail, saying so, unless {@code -Dqapi.diff.candidate=qemu}.</li>
 * <li>{@code SelfCheckTest}: every scenario, QEMU against itself, which must be equal.</li>
 * <li>{@code -Dqapi.diff.only=REGEX} narrows both to the scenarios whose names match.</li>
 * </ul>
 * Scenarios whose binary is not installed are skipped, saying so.
 */
package io.qapi.it.diff;
