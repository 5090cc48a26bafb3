package io.qapi.machine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.qapi.machine.board.DefaultDevices;
import io.qapi.machine.board.HardwareArgv;
import io.qapi.machine.board.HardwareConfig;
import io.qapi.machine.board.HardwareText;
import io.qapi.machine.board.MachineSelection;
import io.qapi.machine.board.MachineTypeDescriber;
import io.qapi.machine.board.SwitchedBoard;
import io.qapi.machine.chardev.ChardevRules;
import io.qapi.machine.numa.NumaCompletion;
import io.qapi.machine.numa.NumaConfig;
import io.qapi.machine.numa.NumaException;
import io.qapi.machine.numa.NumaMachineFacts;
import io.qapi.machine.pack.DefaultDeviceClass;
import io.qapi.machine.pack.MachinePack;
import io.qapi.machine.qom.MemoryBackend;
import io.qapi.machine.server.ModelServer;
import io.qapi.machine.topology.CpuSlots;
import io.qapi.machine.topology.CpuTopology;
import io.qapi.machine.topology.MachineTopologyFacts;
import io.qapi.machine.topology.SlotScheme;
import io.qapi.machine.topology.SmpOptions;
import io.qapi.machine.topology.SmpRules;
import io.qapi.machine.topology.TopologyException;
import io.qapi.machine.vm.Identity;
import io.qapi.machine.vm.MachineParts;
import io.qapi.machine.vm.VirtualMachine;
import io.qapi.runtime.api.QmpError;
import io.qapi.runtime.server.CompatCrashHandler;
import io.qapi.runtime.server.CompatPolicy;
import io.qapi.runtime.transport.Endpoint;
import io.qapi.schema.hardware.HardwareDescription;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * A command line read into what the model builds and where it listens. Options are taken in
 * QEMU's order of checks, so that a command line with several mistakes gets the message QEMU
 * gives first.
 */
final class Launch {
    /** Options QEMU takes that change nothing the model shows. */
    private static final List<String> ACCEPTED_WITHOUT_EFFECT = List.of(
            "display",
            "nographic",
            "no-user-config",
            "nodefaults",
            "S",
            "preconfig",
            "accel",
            "enable-kvm",
            "qmp",
            "machine",
            "M",
            "name",
            "uuid",
            "m",
            "warm-up",
            "machine-data",
            "target",
            "smp",
            "cpu",
            "object",
            "numa",
            "version",
            "print-hardware",
            "device",
            "writeconfig",
            "chardev",
            "compat",
            "daemonize",
            "pidfile",
            "blockdev",
            "mon",
            "netdev",
            "audiodev",
            "no-acpi",
            "overcommit",
            "rtc",
            "no-shutdown",
            "boot",
            "sandbox",
            "msg",
            "serial");

    /** The object type the machine is built with (NUMA nodes use it), read before the others are made. */
    private static final String RAM_BACKEND = "memory-backend-ram";

    private final CommandLine commandLine;
    /** With {@code -hardware}: the numbers of the described anonymous devices, in order. */
    private final List<Integer> anonymousNumbers;

    private final Identity identity;
    private final MemoryOption memory;
    private final MachineOption machine;
    private final List<Endpoint> monitors;
    /** {@code -mon} on an inherited socket ({@code -chardev socket,fd=N}) by chardev id, adopted as the command line is read. */
    private final Map<String, InheritedMonitor> inheritedMonitors;
    /** {@code -mon} on a socket listening at a path: the chardev ids with their paths. */
    private final Map<String, Path> pathMonitors;

    private final boolean stdioMonitor;
    /** {@code -compat}: the last one given, whole, as QEMU takes it. */
    private final CompatPolicy compat;
    /** {@code -daemonize} and {@code -pidfile}. */
    private final Daemon daemon;
    /** Loaded once, when first needed (a {@code -version} or a help request needs little of it). */
    private MachinePack pack;
    /** {@code -cpu} as read, once (its warnings are printed, its model and features used). */
    private Optional<CpuOption> cpuOption;

    private Launch(
            CommandLine commandLine,
            Identity identity,
            MemoryOption memory,
            MachineOption machine,
            List<Endpoint> monitors,
            Map<String, InheritedMonitor> inheritedMonitors,
            Map<String, Path> pathMonitors,
            boolean stdioMonitor,
            CompatPolicy compat,
            Daemon daemon,
            List<Integer> anonymousNumbers) {
        this.anonymousNumbers = List.copyOf(anonymousNumbers);
        this.inheritedMonitors = Collections.unmodifiableMap(new LinkedHashMap<>(inheritedMonitors));
        this.pathMonitors = Collections.unmodifiableMap(new LinkedHashMap<>(pathMonitors));
        this.commandLine = commandLine;
        this.identity = identity;
        this.memory = memory;
        this.machine = machine;
        this.monitors = List.copyOf(monitors);
        this.stdioMonitor = stdioMonitor;
        this.compat = compat;
        this.daemon = daemon;
    }

    static Launch from(CommandLine commandLine) throws CommandLineException {
        if (commandLine.has("readconfig")) {
            commandLine = ConfigOption.expand(commandLine);
        }
        List<Integer> anonymousNumbers = List.of();
        if (commandLine.has("hardware")) {
            HardwareOption.Expanded expanded = HardwareOption.expand(commandLine);
            commandLine = expanded.commandLine();
            anonymousNumbers = expanded.anonymousNumbers();
        }
        for (CommandLine.Option option : commandLine.options()) {
            if (!ACCEPTED_WITHOUT_EFFECT.contains(option.name())) {
                throw new CommandLineException(
                        "-" + option.name() + ": this option is not modeled by " + QemuModel.PROGRAM);
            }
        }
        Identity identity = IdentityOptions.from(commandLine);
        MemoryOption memory = commandLine.last("m").isPresent()
                ? MemoryOption.parse(commandLine.last("m").get())
                : MemoryOption.DEFAULT;
        HostOptions.check(commandLine);
        List<String> machineArguments = new ArrayList<>();
        for (CommandLine.Option option : commandLine.options()) {
            switch (option.name()) {
                case "machine", "M" -> machineArguments.add(option.argument());
                // QEMU 7.2 reads -no-acpi as the machine option acpi=off, in its place among them
                case "no-acpi" -> machineArguments.add("acpi=off");
                default -> {}
            }
        }
        MachineOption machine = MachineOption.merge(machineArguments);
        if (machine.accel().isPresent() && (commandLine.has("accel") || commandLine.has("enable-kvm"))) {
            throw new CommandLineException("The -accel and \"-machine accel=\" options are incompatible");
        }
        Map<String, Map<String, String>> chardevsById = new HashMap<>();
        Map<String, String> chardevArguments = new HashMap<>();
        for (String chardev : commandLine.all("chardev")) {
            // QEMU reads every option before it creates anything: the keys, then the ids
            Map<String, String> options = ChardevOption.read(chardev);
            String id = options.get("id");
            chardevArguments.putIfAbsent(id, chardev);
            if (id != null && chardevsById.putIfAbsent(id, options) != null) {
                throw new CommandLineException("-chardev " + chardev + ": Duplicate ID '" + id + "' for chardev");
            }
        }
        List<MonOption> mons = new ArrayList<>();
        for (String mon : commandLine.all("mon")) {
            mons.add(MonOption.parse(mon));
        }
        AudiodevOption.check(commandLine.all("audiodev"));
        NetdevOption.checkIds(commandLine.all("netdev"));
        List<Endpoint> monitors = new ArrayList<>();
        boolean stdio = false;
        for (String qmp : commandLine.all("qmp")) {
            if (!qmp.equals(StdioMonitor.ARGUMENT)) {
                monitors.add(MonitorOption.parse(qmp));
            } else if (stdio) {
                throw new CommandLineException("-qmp stdio: cannot use stdio by multiple character devices");
            } else {
                stdio = true;
            }
        }
        if (stdio && commandLine.has("nographic") && !commandLine.has("nodefaults")) {
            // -nographic puts the default serial port on standard I/O too; QEMU says so, twice
            throw new CommandLineException("cannot use stdio by multiple character devices\n" + QemuModel.PROGRAM
                    + ": could not connect serial device to character backend 'stdio'");
        }
        Set<String> monitorChardevs = new HashSet<>();
        Map<String, InheritedMonitor> inherited = new LinkedHashMap<>();
        Map<String, Path> pathMonitors = new LinkedHashMap<>();
        for (MonOption mon : mons) {
            Map<String, String> chardev = chardevsById.get(mon.chardev());
            if (chardev == null) {
                throw new CommandLineException(
                        "-mon " + mon.argument() + ": chardev \"" + mon.chardev() + "\" not found");
            }
            if (!monitorChardevs.add(mon.chardev())) {
                throw new CommandLineException("-mon " + mon.argument() + ": Device '" + mon.chardev() + "' is in use");
            }
            mon.requireModeled(chardev);
            if (chardev.containsKey("fd")) {
                // libvirt's monitor: a socket it listens on, inherited
                try {
                    inherited.put(mon.chardev(), InheritedMonitor.adopt(Integer.parseInt(chardev.get("fd"))));
                } catch (NumberFormatException | InheritedMonitor.Refused e) {
                    throw new CommandLineException("-chardev " + chardevArguments.get(mon.chardev()) + ": "
                            + (e instanceof InheritedMonitor.Refused
                                    ? e.getMessage()
                                    : "Parameter 'fd' expects a number"));
                }
                continue;
            }
            monitors.add(Endpoint.unix(Path.of(chardev.get("path"))));
            pathMonitors.put(mon.chardev(), Path.of(chardev.get("path")));
        }
        Daemon daemon = Daemon.from(commandLine);
        return new Launch(
                commandLine,
                identity,
                memory,
                machine,
                monitors,
                inherited,
                pathMonitors,
                stdio,
                compat(commandLine),
                daemon,
                anonymousNumbers);
    }

    /** {@code -compat POLICY}: QEMU reads each as a whole policy, so the last one counts. */
    private static CompatPolicy compat(CommandLine commandLine) throws CommandLineException {
        Optional<String> given = commandLine.last("compat");
        if (given.isEmpty()) {
            return CompatPolicy.ACCEPT;
        }
        try {
            return CompatPolicy.parse(given.get());
        } catch (IllegalArgumentException e) {
            throw new CommandLineException("-compat " + given.get() + ": " + e.getMessage());
        }
    }

    /** The binary the model stands for: {@code -machine-data DIR}, or the built-in pack of {@code -target}. */
    private MachinePack pack() throws CommandLineException {
        if (pack == null) {
            pack = loadPack();
        }
        return pack;
    }

    private MachinePack loadPack() throws CommandLineException {
        Optional<String> dir = commandLine.last("machine-data");
        if (dir.isPresent()) {
            try {
                return MachinePack.load(Path.of(dir.get()));
            } catch (IOException e) {
                throw new CommandLineException("-machine-data " + dir.get() + ": " + e.getMessage());
            }
        }
        String target = commandLine.last("target").orElse("x86_64");
        try {
            return MachinePack.builtin(target + "-7.2");
        } catch (IllegalArgumentException e) {
            throw new CommandLineException("-target " + target + ": no built-in machine data for this target");
        }
    }

    /** The machine the command line builds, with QEMU's message for the first thing it refuses. */
    private MachineParts build() throws CommandLineException {
        MachinePack pack = pack();
        MachineSelection type = MachineSelection.select(pack, machine.type())
                .orElseThrow(() -> new CommandLineException(MachineSelection.UNSUPPORTED));
        SwitchedBoard board;
        try {
            // QEMU reads every -device's driver before it builds the board: some turn a default off
            board = SwitchedBoard.of(
                    pack,
                    type.name(),
                    boardOptions(),
                    !commandLine.has("nodefaults"),
                    DefaultDevices.turnedOffBy(commandLine.all("device").stream()
                            .map(DeviceOption::driver)
                            .toList()));
        } catch (IllegalArgumentException e) {
            throw new CommandLineException(e.getMessage());
        }
        String cpuType = cpuType(pack, type);
        boolean x86 = isX86(pack);
        MachineTopologyFacts facts = new MachineTopologyFacts(
                type.name(),
                1,
                type.cpuMax(),
                type.prefersSockets(),
                x86,
                !x86,
                type.hotpluggableCpus(),
                cpuType,
                slotScheme(x86, type, cpuType));
        SmpOptions smp = commandLine.last("smp").isPresent()
                ? SmpOption.parse(commandLine.last("smp").get())
                : SmpOptions.NONE;
        Optional<CpuSlots> slots = Optional.empty();
        CpuTopology topology;
        try {
            topology = SmpRules.resolve(smp, facts);
            if (facts.slotScheme() != SlotScheme.NONE) {
                slots = Optional.of(CpuSlots.atStart(topology, facts));
            }
        } catch (TopologyException e) {
            throw new CommandLineException(e.getMessage());
        }
        List<MemoryBackend> backends = new ArrayList<>();
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (String object : commandLine.all("object")) {
            if (!ObjectOption.qomType(object).equals(RAM_BACKEND)) {
                continue; // made once the machine is (see machine())
            }
            MemoryBackend backend =
                    ObjectOption.parse(object, machineSwitch("mem-merge"), machineSwitch("dump-guest-core"));
            if (sizes.containsKey(backend.id())) {
                throw new CommandLineException("-object " + object + ": attempt to add duplicate property '"
                        + backend.id() + "' to object (type 'container')");
            }
            sizes.put(backend.id(), backend.size());
            backends.add(backend);
        }
        long ram = ramBytes(type, sizes);
        List<String> numa = commandLine.all("numa");
        if (!numa.isEmpty() && (slots.isEmpty() || facts.slotScheme() != SlotScheme.X86)) {
            throw new CommandLineException("-numa on this machine type is not modeled by " + QemuModel.PROGRAM);
        }
        NumaConfig config = NumaConfig.empty(slots.map(s -> s.slots().size()).orElse(0));
        NumaMachineFacts numaFacts = MachineParts.numaFacts(type);
        for (String argument : numa) {
            config = NumaOption.apply(config, argument, numaFacts, slots.get(), sizes);
        }
        if (!numa.isEmpty() && !commandLine.has("preconfig")) {
            // QEMU completes the NUMA configuration when it creates the machine; with --preconfig
            // that is x-exit-preconfig's work
            try {
                config = NumaCompletion.complete(config, ram, slots.get());
            } catch (NumaException e) {
                throw new CommandLineException(e.getMessage());
            }
        }
        if (machine.properties().containsKey(MEMORY_BACKEND) && config.usesMemdev()) {
            throw new CommandLineException(
                    "'-machine memory-backend' and '-numa memdev' properties are mutually " + "exclusive");
        }
        checkCpuFeatures(pack, cpuType);
        return new MachineParts(
                        pack,
                        type,
                        facts,
                        slots,
                        ram,
                        machine.properties(),
                        backends,
                        !commandLine.has("nodefaults"),
                        config,
                        topology,
                        board)
                .withNuma(config);
    }

    /** A boolean machine option that is on unless turned off ({@code mem-merge}, {@code dump-guest-core}). */
    private boolean machineSwitch(String name) {
        String value =
                machine.properties().getOrDefault(name, machine.properties().get(name.replace('-', '_')));
        return value == null || OptsFields.bool(value).orElse(true);
    }

    /** {@code -machine memory-backend=ID}: main memory is that {@code -object}'s rather than one QEMU makes. */
    static final String MEMORY_BACKEND = "memory-backend";

    /** The machine options that choose the board: all but {@code memory-backend}, which names an object. */
    private Map<String, String> boardOptions() {
        Map<String, String> options = new LinkedHashMap<>(machine.properties());
        options.remove(MEMORY_BACKEND);
        return options;
    }

    /**
     * Main memory's size: {@code -m}'s, or the type's default; with {@code memory-backend=}, the
     * backend's, which {@code -m} (when given) must equal.
     */
    private long ramBytes(MachineSelection type, Map<String, Long> backendSizes) throws CommandLineException {
        long ram = memory.bytesOr(type.name().equals("none") ? 0 : MachineParts.DEFAULT_RAM_BYTES);
        String backend = machine.properties().get(MEMORY_BACKEND);
        if (backend == null) {
            return ram;
        }
        Long size = backendSizes.get(backend);
        if (size == null) {
            throw new CommandLineException("Memory backend '" + backend + "' not found");
        }
        if (commandLine.has("m") && size != ram) {
            throw new CommandLineException("Machine memory size does not match the size of the memory backend");
        }
        return size;
    }

    /** How the machine numbers its CPU slots: x86 boards, the Arm virt family, or not at all. */
    private static SlotScheme slotScheme(boolean x86, MachineSelection type, String cpuType) {
        if (cpuType.isEmpty()) {
            return SlotScheme.NONE;
        }
        if (x86) {
            return SlotScheme.X86;
        }
        return type.name().startsWith("virt") ? SlotScheme.ARM_VIRT : SlotScheme.NONE;
    }

    /** The QOM type of the machine's CPUs: {@code -cpu MODEL}'s, or the type's default. */
    private String cpuType(MachinePack pack, MachineSelection type) throws CommandLineException {
        Optional<String> cpu = commandLine.last("cpu");
        if (cpu.isEmpty()) {
            return type.defaultCpuType().orElse("");
        }
        String model = cpuOption(pack).orElseThrow().model();
        return pack.cpuTypename(model)
                .orElseThrow(() -> new CommandLineException("unable to find CPU model '" + model + "'"));
    }

    /** {@code -cpu}, read as the pack's target reads it (x86 takes {@code +feat} and {@code -feat}). */
    private Optional<CpuOption> cpuOption(MachinePack pack) throws CommandLineException {
        if (cpuOption == null) {
            Optional<String> cpu = commandLine.last("cpu");
            cpuOption = cpu.isEmpty() ? Optional.empty() : Optional.of(CpuOption.parse(cpu.get(), isX86(pack)));
        }
        return cpuOption;
    }

    /** Whether the pack's binary is an x86 one (its CPUs take signed features, its slots are x86's). */
    private static boolean isX86(MachinePack pack) {
        String arch = pack.queryTarget().path("return").path("arch").asText();
        return arch.equals("x86_64") || arch.equals("i386");
    }

    /**
     * QEMU's error for a {@code -cpu} feature the CPU type refuses, which it reports when it
     * creates the machine's first CPU: after the machine's own options are checked.
     */
    private void checkCpuFeatures(MachinePack pack, String cpuType) throws CommandLineException {
        Optional<CpuOption> cpu = cpuOption(pack);
        if (cpu.isEmpty() || !cpu.get().hasFeatures() || cpuType.isEmpty()) {
            return;
        }
        JsonNode properties = pack.types()
                .qomListProperties(cpuType)
                .orElseThrow(() -> new CommandLineException(
                        "-cpu " + commandLine.last("cpu").get() + ": the properties of " + cpuType
                                + " are not in the machine data pack"));
        Optional<String> refusal = cpu.get().refusal(cpuType, properties);
        if (refusal.isPresent()) {
            throw new CommandLineException(refusal.get());
        }
    }

    /** QEMU takes {@code help} and {@code ?} alike as a request for help. */
    private static boolean isHelp(String value) {
        return value.equals("help") || value.equals("?");
    }

    /** Prints what the binary prints for {@code -OPTION help}, and ends as it does (status 0). */
    private int printHelp(PrintStream out, PrintStream err, String option) throws CommandLineException {
        try {
            out.print(pack().helpText(option));
            out.flush();
            return 0;
        } catch (UncheckedIOException e) {
            err.println(QemuModel.PROGRAM + ": -" + option + " help: "
                    + e.getCause().getMessage());
            return 1;
        }
    }

    /** Prints what the binary prints for {@code -machine TYPE,help}, and exits 0 as it does. */
    private int printMachineOptions(PrintStream out, PrintStream err, String type) throws CommandLineException {
        try {
            Optional<String> text = pack().machineOptionsHelp(type);
            if (text.isEmpty()) {
                err.println(QemuModel.PROGRAM + ": -machine " + type + ",help: the machine data pack has no options of "
                        + type);
                return 1;
            }
            out.print(text.get());
            out.flush();
            return 0;
        } catch (UncheckedIOException e) {
            err.println(QemuModel.PROGRAM + ": -machine " + type + ",help: "
                    + e.getCause().getMessage());
            return 1;
        }
    }

    /**
     * {@code -print-hardware tree|json}: the board the command line builds, printed instead of
     * serving it; the same description {@code query-machine-type} gives.
     */
    private int printHardware(PrintStream out, MachineParts parts, String format) throws CommandLineException {
        if (!List.of("tree", "json", "argv", "dot").contains(format)) {
            throw new CommandLineException("-print-hardware " + format + ": expected 'tree', 'json', 'argv' or 'dot'");
        }
        HardwareDescription hardware = describe(machine(parts), "-print-hardware " + format);
        out.print(
                switch (format) {
                    case "json" -> HardwareText.json(hardware);
                    case "dot" -> HardwareText.dot(hardware);
                    case "argv" ->
                        String.join(
                                        " ",
                                        HardwareArgv.argv(hardware).stream()
                                                .map(Launch::shellWord)
                                                .toList())
                                + System.lineSeparator();
                    default -> HardwareText.tree(hardware);
                });
        return 0;
    }

    /** The machine as a precise description; {@code option} names what asked, for an error. */
    private static HardwareDescription describe(VirtualMachine vm, String option) throws CommandLineException {
        try {
            return vm.describe(new MachineTypeDescriber(vm.parts().pack()));
        } catch (QmpError e) {
            throw new CommandLineException(option + ": " + e.desc());
        }
    }

    /**
     * {@code -writeconfig FILE} ({@code -} for standard output): the machine as built from the
     * command line, as a configuration file that {@code -readconfig} reads back, written before
     * the machine is served.
     */
    private static void writeConfig(VirtualMachine vm, String file, PrintStream out) throws CommandLineException {
        String config;
        try {
            config = HardwareConfig.render(describe(vm, "-writeconfig " + file));
        } catch (IllegalArgumentException e) {
            throw new CommandLineException("-writeconfig " + file + ": " + e.getMessage());
        }
        if (file.equals("-")) {
            out.print(config);
            out.flush();
            return;
        }
        try {
            Files.writeString(Path.of(file), config);
        } catch (IOException e) {
            throw new CommandLineException("-writeconfig " + file + ": " + e.getMessage());
        }
    }

    /** A word as a POSIX shell reads it back: quoted when it holds anything but safe characters. */
    private static String shellWord(String word) {
        return word.matches("[A-Za-z0-9_.,:=/@%+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * The machine another command line builds on the same binary's data, for
     * {@code plan-hardware}: QEMU's message for what it refuses becomes the command's error.
     */
    static VirtualMachine plan(List<String> argv, MachinePack pack) {
        try {
            Launch launch = from(CommandLine.parse(argv));
            launch.pack = pack;
            return launch.machine();
        } catch (CommandLineException e) {
            throw QmpError.generic(e.getMessage());
        }
    }

    /** The machine the command line describes, not yet served. */
    VirtualMachine machine() throws CommandLineException {
        return machine(build());
    }

    private VirtualMachine machine(MachineParts parts) throws CommandLineException {
        VirtualMachine vm = new VirtualMachine(identity, parts, commandLine.has("S"), commandLine.has("preconfig"));
        vm.numberAnonymousDevices(anonymousNumbers);
        vm.cpuFeaturesGiven(cpuOption(pack()).map(CpuOption::hasFeatures).orElse(false));
        // QEMU makes the objects in two rounds, each in command-line order: the early ones (all
        // but memory backends), then the memory backends; then the machine and main memory's
        for (boolean early : new boolean[] {true, false}) {
            for (String object : commandLine.all("object")) {
                String type = ObjectOption.qomType(object);
                if (type.startsWith("memory-backend-") == early) {
                    continue;
                }
                if (type.equals(RAM_BACKEND)) {
                    vm.addCommandLineBackend(ObjectOption.parse(object).id());
                } else {
                    ObjectOption.create(vm, object);
                }
            }
        }
        vm.objectsMade();
        addChardevs(vm);
        for (String blockdev : commandLine.all("blockdev")) {
            BlockdevOption.create(vm, blockdev);
        }
        for (String netdev : commandLine.all("netdev")) {
            NetdevOption.create(vm, netdev);
        }
        for (String device : commandLine.all("device")) {
            DeviceOption.plug(vm, device);
        }
        return vm;
    }

    /**
     * The character devices QEMU makes as it starts: the monitors' and the {@code -chardev} ones
     * in command-line order, then the default serial and parallel ports' (not for {@code none},
     * which has neither).
     */
    private void addChardevs(VirtualMachine vm) throws CommandLineException {
        int monitor = 0;
        for (CommandLine.Option option : commandLine.options()) {
            if (option.name().equals("qmp")) {
                vm.chardevs()
                        .add(ChardevRules.monitor(monitor++, option.argument().split(",", 2)[0]));
            } else if (option.name().equals("chardev")) {
                ChardevOption.create(vm, option.argument());
            }
        }
        pathMonitors.forEach((id, path) -> vm.chardevs().serveMonitor(id, Optional.empty(), path.toString()));
        connectSerialPorts(vm);
        MachineParts parts = vm.parts();
        if (parts.defaults() && !parts.type().name().equals("none")) {
            boolean nographic = commandLine.has("nographic");
            Set<DefaultDeviceClass> turnedOff = parts.board().turnedOff();
            // -serial given replaces the default serial port's back end
            if (!turnedOff.contains(DefaultDeviceClass.SERIAL) && !commandLine.has("serial")) {
                vm.chardevs()
                        .add(ChardevRules.defaultPort("serial0", nographic, boardHas(parts, "isa-serial", "pl011")));
            }
            if (!turnedOff.contains(DefaultDeviceClass.PARALLEL)) {
                vm.chardevs().add(ChardevRules.defaultPort("parallel0", nographic, boardHas(parts, "isa-parallel")));
            }
        }
    }

    /**
     * {@code -serial chardev:ID} (libvirt's form) and {@code -serial none}: the board's own serial
     * port (an Arm virt's pl011, made with or without a back end) takes the character device. A
     * board that makes a serial port only for {@code -serial} (x86's isa-serial) would gain a
     * device, which is not modeled; nor are {@code -serial}'s other back ends.
     */
    private void connectSerialPorts(VirtualMachine vm) throws CommandLineException {
        List<String> serials = commandLine.all("serial");
        for (int index = 0; index < serials.size(); index++) {
            String serial = serials.get(index);
            if (serial.equals("none")) {
                continue;
            }
            if (!serial.startsWith("chardev:")) {
                throw new CommandLineException("-serial " + serial + ": serial back ends other than chardev:ID and "
                        + "none are not modeled by " + QemuModel.PROGRAM);
            }
            String id = serial.substring("chardev:".length());
            if (!vm.chardevs().contains(id)) {
                throw new CommandLineException("-serial " + serial + ": could not connect serial device to character "
                        + "backend '" + serial + "'");
            }
            if (!boardHas(vm.parts(), "pl011")) {
                throw new CommandLineException("-serial " + serial + ": a serial port the board makes only for -serial "
                        + "is not modeled by " + QemuModel.PROGRAM);
            }
            if (index == 0) {
                vm.chardevs().openFrontEnd(id); // the board has one serial port: serial1 on has no front end
            }
        }
    }

    /** Whether the board has a device of one of these types (the front end of a default port). */
    private static boolean boardHas(MachineParts parts, String... types) {
        Set<String> wanted = Set.of(types);
        return parts.board()
                .part("hardware")
                .map(h -> {
                    for (JsonNode device : h.path("devices")) {
                        if (wanted.contains(device.path("type").asText())) {
                            return true;
                        }
                    }
                    return false;
                })
                .orElse(false);
    }

    int run(PrintStream out, PrintStream err) throws CommandLineException {
        return run(out, err, CompatCrashHandler.END_SESSION);
    }

    /**
     * Runs the model; {@code onCompatCrash} is called where a {@code crash} compat policy makes
     * QEMU abort (the program passes one that ends the process as abort does).
     */
    int run(PrintStream out, PrintStream err, CompatCrashHandler onCompatCrash) throws CommandLineException {
        if (commandLine.has("version")) {
            // QEMU's first line, from the binary the pack was captured from
            out.println(pack().versionLine());
            return 0;
        }
        if (machine.help()) {
            // QEMU answers -machine help while it reads the command line, before anything else
            // for a type it knows (by name or alias) QEMU lists the type's options; else the types
            Optional<MachineSelection> type =
                    machine.type().isPresent() ? MachineSelection.select(pack(), machine.type()) : Optional.empty();
            if (type.isPresent()) {
                return printMachineOptions(out, err, type.get().name());
            }
            return printHelp(out, err, "machine");
        }
        Optional<String> cpu = commandLine.last("cpu");
        if (cpu.isPresent() && isHelp(cpu.get())) {
            // QEMU answers -cpu help once the command line is read, after a -machine help
            return printHelp(out, err, "cpu");
        }
        // QEMU warns while it reads -cpu, before it builds anything
        boolean stamped = MessageStamp.requested(commandLine);
        cpuOption(pack())
                .ifPresent(option -> option.warnings()
                        .forEach(w -> err.println(MessageStamp.prefix(stamped) + QemuModel.PROGRAM + ": " + w)));
        MachineParts parts = build();
        Optional<String> printHardware = commandLine.last("print-hardware");
        if (printHardware.isPresent()) {
            return printHardware(out, parts, printHardware.get());
        }
        VirtualMachine vm = machine(parts);
        // QEMU warns of each back end no NIC uses once the machine is made
        vm.netdevs()
                .withoutPeer()
                .forEach(id -> err.println(
                        MessageStamp.prefix(stamped) + QemuModel.PROGRAM + ": warning: netdev " + id + " has no peer"));
        Optional<String> writeConfig = commandLine.last("writeconfig");
        if (writeConfig.isPresent()) {
            writeConfig(vm, writeConfig.get(), out);
        }
        daemon.writePidFile();
        CountDownLatch ended = new CountDownLatch(1);
        StdioMonitor stdio = null;
        MachinePack served = pack();
        try (ModelServer server =
                ModelServer.start(vm, ended::countDown, argv -> plan(argv, served), compat, onCompatCrash)) {
            // Before any monitor listens: whoever sees the socket may signal at once (libvirt's
            // destroy, a test), and QEMU answers that with SHUTDOWN, never with a plain death.
            TerminatingSignals.install(vm, err, stamped);
            for (Endpoint endpoint : monitors) {
                server.listen(endpoint);
            }
            if (stdioMonitor) {
                stdio = StdioMonitor.attach(server);
            }
            for (Map.Entry<String, InheritedMonitor> monitor : inheritedMonitors.entrySet()) {
                monitor.getValue().serve(server);
                vm.chardevs()
                        .serveMonitor(
                                monitor.getKey(),
                                monitor.getValue().boundPath(),
                                monitor.getValue().relaySocket().orElseThrow().toString());
            }
            if (commandLine.has("warm-up")) {
                WarmUp.session(server);
                return 0;
            }
            daemon.ready();
            ended.await();
        } catch (IOException e) {
            err.println(QemuModel.PROGRAM + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        try {
            if (stdio != null) {
                stdio.awaitDrained(Duration.ofSeconds(2));
            }
            for (InheritedMonitor monitor : inheritedMonitors.values()) {
                monitor.awaitDrained(Duration.ofSeconds(2));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
