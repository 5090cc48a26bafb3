/**
 * The machine's network back ends ({@code -netdev}, {@code netdev_add}): which exist, of which
 * type, and which NIC each is connected to, with QEMU 7.2's checks. The model records back ends
 * of type {@code user} and opens no host network resource.
 */
package io.qapi.machine.net;
