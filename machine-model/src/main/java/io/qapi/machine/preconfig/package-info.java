/**
 * The {@code --preconfig} life cycle of QEMU 7.2: the phases, the command gate, and
 * {@code x-exit-preconfig}, whose failures the model reports as error replies where QEMU exits.
 */
package io.qapi.machine.preconfig;
