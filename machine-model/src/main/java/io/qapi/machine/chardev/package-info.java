/**
 * Character devices as QEMU 7.2 keeps them in {@code /chardevs}: what {@code chardev-add} and
 * {@code -chardev} accept, the name QEMU shows for each ({@code query-chardev}), the monitors'
 * own and the default serial and parallel ports' back ends. The model records back ends: it opens
 * no file, socket or terminal, so a socket is always shown as QEMU shows one without a peer.
 */
package io.qapi.machine.chardev;
