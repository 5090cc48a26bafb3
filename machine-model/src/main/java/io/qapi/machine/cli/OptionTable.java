package io.qapi.machine.cli;

import java.util.Set;

/**
 * The options of QEMU 7.2's command line, as far as parsing them goes: which exist and which take
 * an argument. Whether the model acts on an option is decided elsewhere ({@link Launch});
 * this table only lets it tell an unknown option ("invalid option", as QEMU says) from a known one
 * it does not model.
 */
final class OptionTable {
    /** QEMU 7.2's options that take no argument. */
    private static final Set<String> FLAGS = Set.of(
            "h",
            "help",
            "version",
            "mem-prealloc",
            "snapshot",
            "nographic",
            "portrait",
            "full-screen",
            "win2k-hack",
            "no-fd-bootchk",
            "no-acpi",
            "no-hpet",
            "S",
            "preconfig",
            "s",
            "singlestep",
            "enable-kvm",
            "xen-attach",
            "xen-domid-restrict",
            "no-reboot",
            "no-shutdown",
            "daemonize",
            "only-migratable",
            "nodefaults",
            "no-user-config",
            "enable-sync-profile",
            "async-teardown",
            "usb",
            "semihosting",
            "alt-grab",
            "ctrl-grab",
            "no-quit",
            "audio-help",
            // the model's own: the run the launcher makes once to record its class-data archive
            "warm-up");

    /** QEMU 7.2's options that take one argument. */
    private static final Set<String> WITH_ARGUMENT = Set.of(
            "machine",
            "M",
            "cpu",
            "accel",
            "smp",
            "numa",
            "add-fd",
            "set",
            "global",
            "boot",
            "m",
            "mem-path",
            "k",
            "audio",
            "audiodev",
            "soundhw",
            "device",
            "name",
            "uuid",
            "fda",
            "fdb",
            "hda",
            "hdb",
            "hdc",
            "hdd",
            "cdrom",
            "blockdev",
            "drive",
            "mtdblock",
            "sd",
            "pflash",
            "fsdev",
            "virtfs",
            "virtfs_synth",
            "iscsi",
            "usbdevice",
            "display",
            "spice",
            "rotate",
            "vga",
            "vnc",
            "acpitable",
            "smbios",
            "netdev",
            "nic",
            "net",
            "chardev",
            "tpmdev",
            "bios",
            "kernel",
            "append",
            "initrd",
            "dtb",
            "compat",
            "fw_cfg",
            "serial",
            "parallel",
            "monitor",
            "qmp",
            "qmp-pretty",
            "mon",
            "debugcon",
            "pidfile",
            "gdb",
            "d",
            "D",
            "dfilter",
            "seed",
            "L",
            "xen-domid",
            "action",
            "loadvm",
            "option-rom",
            "rtc",
            "icount",
            "watchdog-action",
            "echr",
            "incoming",
            "chroot",
            "runas",
            "sandbox",
            "readconfig",
            "trace",
            "plugin",
            "msg",
            "dump-vmstate",
            "object",
            "overcommit",
            "semihosting-config",
            "bt",
            "prom-env",
            "g",
            "watchdog",
            "tb-size",
            "xen-create",
            "qtest",
            "qtest-log",
            "run-with",
            // the model's own options
            "machine-data",
            "print-hardware",
            "hardware",
            "target",
            "writeconfig");

    private OptionTable() {}

    /** The option's name without its leading dashes ({@code --preconfig} and {@code -preconfig} are one option). */
    static String normalise(String word) {
        return word.startsWith("--") ? word.substring(2) : word.substring(1);
    }

    static boolean isFlag(String name) {
        return FLAGS.contains(name);
    }

    static boolean takesArgument(String name) {
        return WITH_ARGUMENT.contains(name);
    }
}
