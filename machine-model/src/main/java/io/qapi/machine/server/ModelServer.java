package io.qapi.machine.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.board.DescriptionIndex;
import io.qapi.machine.board.MachineSelection;
import io.qapi.machine.board.MachineTypeDescriber;
import io.qapi.machine.fd.MonitorDescriptors;
import io.qapi.machine.pack.MachinePack;
import io.qapi.machine.vm.VirtualMachine;
import io.qapi.runtime.api.Command;
import io.qapi.runtime.api.QmpError;
import io.qapi.runtime.json.EncodedJson;
import io.qapi.runtime.json.JsonWriter;
import io.qapi.runtime.server.CloseReason;
import io.qapi.runtime.server.CompatCrashHandler;
import io.qapi.runtime.server.CompatPolicy;
import io.qapi.runtime.server.QmpServer;
import io.qapi.runtime.server.ServerOptions;
import io.qapi.runtime.server.SessionListener;
import io.qapi.runtime.transport.Endpoint;
import io.qapi.schema.Dispatcher;
import io.qapi.schema.EventEmitter;
import io.qapi.schema.Server;
import io.qapi.schema.block.BlockDeviceInfo;
import io.qapi.schema.block.BlockInfo;
import io.qapi.schema.block.BlockdevDelArguments;
import io.qapi.schema.block.QueryNamedBlockNodesArguments;
import io.qapi.schema.char_.ChardevAddArguments;
import io.qapi.schema.char_.ChardevBackendInfo;
import io.qapi.schema.char_.ChardevInfo;
import io.qapi.schema.char_.ChardevRemoveArguments;
import io.qapi.schema.char_.ChardevReturn;
import io.qapi.schema.control.CommandInfo;
import io.qapi.schema.control.QmpCapabilitiesArguments;
import io.qapi.schema.control.VersionInfo;
import io.qapi.schema.cpu.CpuDefinitionInfo;
import io.qapi.schema.cpu.CpuInfoFast;
import io.qapi.schema.cpu.CpuModelExpansionInfo;
import io.qapi.schema.cpu.HotpluggableCPU;
import io.qapi.schema.cpu.QueryCpuModelExpansionArguments;
import io.qapi.schema.descriptors.AddFdArguments;
import io.qapi.schema.descriptors.AddfdInfo;
import io.qapi.schema.descriptors.ClosefdArguments;
import io.qapi.schema.descriptors.FdsetInfo;
import io.qapi.schema.descriptors.GetfdArguments;
import io.qapi.schema.descriptors.RemoveFdArguments;
import io.qapi.schema.hardware.HardwareDescription;
import io.qapi.schema.hardware.PlanHardwareArguments;
import io.qapi.schema.hardware.QueryMachineTypeArguments;
import io.qapi.schema.host.BalloonArguments;
import io.qapi.schema.host.BalloonInfo;
import io.qapi.schema.host.IOThreadInfo;
import io.qapi.schema.host.MigrateSetCapabilitiesArguments;
import io.qapi.schema.host.MigrationCapabilityStatus;
import io.qapi.schema.machine.CurrentMachineParams;
import io.qapi.schema.machine.KvmInfo;
import io.qapi.schema.machine.MachineInfo;
import io.qapi.schema.machine.NameInfo;
import io.qapi.schema.machine.TargetInfo;
import io.qapi.schema.machine.UuidInfo;
import io.qapi.schema.net.NetdevDelArguments;
import io.qapi.schema.numa.Memdev;
import io.qapi.schema.numa.MemoryInfo;
import io.qapi.schema.numa.NumaOptions;
import io.qapi.schema.pci.PciInfo;
import io.qapi.schema.qom.DeviceDelArguments;
import io.qapi.schema.qom.DeviceListPropertiesArguments;
import io.qapi.schema.qom.ObjectDelArguments;
import io.qapi.schema.qom.ObjectPropertyInfo;
import io.qapi.schema.qom.ObjectTypeInfo;
import io.qapi.schema.qom.QomGetArguments;
import io.qapi.schema.qom.QomListArguments;
import io.qapi.schema.qom.QomListPropertiesArguments;
import io.qapi.schema.qom.QomListTypesArguments;
import io.qapi.schema.run_state.StatusInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The model's QMP server: the command table of our schema, each command answered by the module
 * that owns it (run state, machine, CPUs, NUMA, QOM, PCI, hardware descriptions). A command the
 * model does not answer yet is reported as QEMU reports a command it lacks.
 */
public final class ModelServer implements Server, AutoCloseable {
    private final QmpServer qmp;
    private final RunStateModule runState;
    private final MachineModule machine;
    private final ControlModule control;
    private final CpuModule cpus;
    private final MemoryModule memory;
    private final PciModule pci;
    private final TypesModule types;
    private final MachineTypeDescriber describer;
    private final NumaModule numa;
    private final DeviceModule devices;
    private final QomModule qom;
    private final HardwareModule hardware;
    private final ObjectModule objects;
    private final ChardevModule chardevs;
    private final BlockModule blocks;
    private final NetModule net;
    private final HostModule host;
    private final FdModule fds;
    /** Closed after the server ({@link #closeWith}). */
    private final List<AutoCloseable> closedWithServer = new CopyOnWriteArrayList<>();
    /** The clients connected, by where they came in ({@code unix:PATH} for a unix socket). */
    private final Map<String, Integer> clientsBySocket = new ConcurrentHashMap<>();

    private final JsonNode versionReply;
    private final MachinePack pack;
    /** QEMU's introspection, encoded when first asked for. */
    private volatile JsonNode qmpSchema;
    /** The pack's description index, read when first needed. */
    private volatile Optional<DescriptionIndex> descriptions;

    private ModelServer(
            VirtualMachine vm,
            Runnable onQuit,
            MachineBuilder builder,
            CompatPolicy compat,
            CompatCrashHandler onCompatCrash) {
        this.runState = new RunStateModule(vm);
        this.machine = new MachineModule(vm);
        this.cpus = new CpuModule(vm);
        this.memory = new MemoryModule(vm);
        this.pci = new PciModule(vm);
        this.describer = new MachineTypeDescriber(vm.parts().pack());
        this.hardware = new HardwareModule(vm, describer, builder);
        this.objects = new ObjectModule(vm);
        this.chardevs = new ChardevModule(vm, path -> clientsBySocket.getOrDefault("unix:" + path, 0) > 0);
        this.blocks = new BlockModule(vm);
        this.net = new NetModule(vm);
        this.host = new HostModule(vm);
        this.fds = new FdModule(vm);
        this.numa = new NumaModule(vm);
        this.devices = new DeviceModule(vm);
        this.qom = new QomModule(vm);
        this.types = new TypesModule(vm, TypesModule.EXIT_LIKE_QEMU);
        this.pack = vm.parts().pack();
        JsonNode version = pack.greetingVersion();
        this.versionReply = JsonNodeFactory.instance.objectNode().set("return", version);
        this.qmp = new QmpServer(
                commandTable(),
                ServerOptions.builder()
                        .version(version)
                        .preconfig(vm::inPreconfig)
                        .listener(new SessionListener() {
                            @Override
                            public void opened(long session, String peer) {
                                clientsBySocket.merge(peer, 1, Integer::sum);
                            }

                            @Override
                            public void closed(long session, String peer, CloseReason reason) {
                                clientsBySocket.computeIfPresent(peer, (p, n) -> n > 1 ? n - 1 : null);
                                if (clientsBySocket.isEmpty()) {
                                    fds.lastClientLeft();
                                }
                            }
                        })
                        .compat(compat)
                        .compatCrash(onCompatCrash)
                        .build());
        this.control = new ControlModule(vm);
        vm.attach(EventEmitter.over(qmp), () -> {
            qmp.shutdown(Duration.ofSeconds(2));
            onQuit.run();
        });
    }

    /** Our schema's commands, answered by the modules, then the binary's others (see {@link QemuOnlyCommands}). */
    private List<Command> commandTable() {
        List<Command> modeled = withRecordedRequests(withFastDescriptions(Dispatcher.commands(this)));
        List<Command> table = new ArrayList<>(modeled);
        table.addAll(QemuOnlyCommands.beyond(modeled, pack, types::allModulesLoaded));
        return table;
    }

    /**
     * The commands with the requests the capture recorded answered as recorded (the CPU model
     * expansions management software asks for on its first look at a binary, see {@code
     * capture.ProbeCapture}); other requests go to the module.
     */
    private List<Command> withRecordedRequests(List<Command> commands) {
        return commands.stream()
                .map(c -> !c.name().equals(RECORDED_REQUESTS)
                        ? c
                        : new Command(
                                c.name(),
                                c.features(),
                                c.successResponse(),
                                c.allowOob(),
                                c.allowPreconfig(),
                                c.coroutine(),
                                (arguments, input) -> pack.recordedRequest(c.name(), arguments)
                                        .map(reply -> Verbatim.of(MachineModule.returned(reply)))
                                        .orElseGet(() -> c.handler().run(arguments, input))))
                .toList();
    }

    /** The command whose requests the capture records with their replies. */
    private static final String RECORDED_REQUESTS = "query-cpu-model-expansion";

    /** How many distinct {@code query-machine-type} requests keep their encoded reply. */
    static final int KEPT_DESCRIPTIONS = 2048;

    /**
     * The command table with {@code query-machine-type} answered fast: a plain request (a type,
     * with or without defaults) from the description index built with the pack, and any request
     * asked before with the reply it got then. A description depends on the request alone (never
     * on the machine's state). At most {@link #KEPT_DESCRIPTIONS} replies are kept; a request
     * beyond that is answered afresh. Failures are never kept.
     */
    private List<Command> withFastDescriptions(List<Command> commands) {
        return commands.stream()
                .map(c -> !c.name().equals("query-machine-type")
                        ? c
                        : new Command(
                                c.name(),
                                c.features(),
                                c.successResponse(),
                                c.allowOob(),
                                c.allowPreconfig(),
                                c.coroutine(),
                                fastDescriptions(c.handler())))
                .toList();
    }

    private Command.Handler fastDescriptions(Command.Handler handler) {
        Map<JsonNode, JsonNode> kept = new ConcurrentHashMap<>();
        return (arguments, input) -> {
            JsonNode known = kept.get(arguments);
            if (known != null) {
                return known;
            }
            JsonNode reply = indexed(arguments).orElseGet(() -> handler.run(arguments, input));
            if (kept.size() < KEPT_DESCRIPTIONS) {
                kept.put(arguments.deepCopy(), reply);
            }
            return reply;
        };
    }

    /** The indexed reply to a plain {@code {type, defaults?}} request, when the index has it. */
    private Optional<JsonNode> indexed(ObjectNode arguments) {
        JsonNode type = arguments.get("type");
        JsonNode defaults = arguments.get("defaults");
        if (type == null
                || !type.isTextual()
                || (defaults != null && !defaults.isBoolean())
                || arguments.size() != (defaults == null ? 1 : 2)) {
            return Optional.empty();
        }
        boolean withDefaults = defaults != null && defaults.booleanValue();
        return descriptionIndex()
                .flatMap(index -> MachineSelection.select(pack, Optional.of(type.textValue()))
                        .flatMap(selected -> index.text(selected.name(), withDefaults)
                                .map(text -> EncodedJson.node(
                                        text,
                                        JsonWriter.KeyOrder.QEMU,
                                        () -> describer
                                                .describe(selected.name(), Optional.empty(), withDefaults)
                                                .toJson()))));
    }

    private Optional<DescriptionIndex> descriptionIndex() {
        Optional<DescriptionIndex> index = descriptions;
        if (index == null) {
            index = DescriptionIndex.of(pack);
            descriptions = index;
        }
        return index;
    }

    /**
     * Starts serving {@code vm}; {@code onQuit} runs once a client has sent quit and been
     * answered; {@code plan-hardware} builds its machines with {@code builder}.
     */
    public static ModelServer start(VirtualMachine vm, Runnable onQuit, MachineBuilder builder) {
        return start(vm, onQuit, builder, CompatPolicy.ACCEPT, CompatCrashHandler.END_SESSION);
    }

    /**
     * Starts serving {@code vm} as {@link #start(VirtualMachine, Runnable, MachineBuilder)} does,
     * under {@code -compat}'s policy; {@code onCompatCrash} is called where QEMU would abort.
     */
    public static ModelServer start(
            VirtualMachine vm,
            Runnable onQuit,
            MachineBuilder builder,
            CompatPolicy compat,
            CompatCrashHandler onCompatCrash) {
        return new ModelServer(vm, onQuit, builder, compat, onCompatCrash);
    }

    /** Listens on {@code endpoint}; clients may connect there several at once, as to QEMU's socket monitor. */
    public Endpoint listen(Endpoint endpoint) throws IOException {
        return qmp.listen(endpoint);
    }

    /**
     * Listens on {@code endpoint} for connections the model makes to itself (the stdio monitor):
     * they have no negotiation deadline, since a person may be typing.
     */
    public Endpoint listenForOwnClients(Endpoint endpoint) throws IOException {
        return qmp.listenForOwnClients(endpoint);
    }

    /**
     * Listens on {@code endpoint} for the model's own connections that relay a monitor whose
     * client can pass descriptors (see {@code cli.InheritedMonitor}); what the relay receives goes
     * to the returned descriptors, where the commands of that monitor's sessions find it.
     */
    public MonitorDescriptors listenPassingDescriptors(Endpoint.Unix endpoint) throws IOException {
        qmp.listenForOwnClients(endpoint);
        return fds.monitorAt("unix:" + endpoint.path());
    }

    /** Closes {@code resource} once this server has closed (a relay that feeds it, say). */
    public void closeWith(AutoCloseable resource) {
        closedWithServer.add(resource);
    }

    @Override
    public void close() {
        qmp.close();
        for (AutoCloseable resource : closedWithServer) {
            try {
                resource.close();
            } catch (Exception e) {
                // closing anyway: the server is gone
            }
        }
        fds.closeAll();
    }

    private static QmpError notModeled(String command) {
        return new QmpError(QmpError.COMMAND_NOT_FOUND, "The command " + command + " has not been found");
    }

    @Override
    public void qmpCapabilities(QmpCapabilitiesArguments arguments) {
        // negotiation is the protocol's own
    }

    @Override
    public VersionInfo queryVersion() {
        return MachineModule.captured(versionReply, VersionInfo.DECODER);
    }

    @Override
    public List<CommandInfo> queryCommands() {
        return MachineModule.capturedList(pack.queryCommands(), CommandInfo.DECODER);
    }

    @Override
    public void quit() {
        control.quit();
    }

    @Override
    public JsonNode queryQmpSchema(ObjectNode arguments) {
        JsonNode schema = qmpSchema;
        if (schema == null) {
            schema = pack.qmpSchema()
                    .map(reply -> Verbatim.of(reply.get("return")))
                    .orElseThrow(() -> notModeled("query-qmp-schema"));
            qmpSchema = schema;
        }
        return schema;
    }

    @Override
    public StatusInfo queryStatus() {
        return runState.queryStatus();
    }

    @Override
    public void stop() {
        runState.stop();
    }

    @Override
    public void cont() {
        runState.cont();
    }

    @Override
    public void xExitPreconfig() {
        numa.exitPreconfig();
    }

    @Override
    public TargetInfo queryTarget() {
        return machine.queryTarget();
    }

    @Override
    public NameInfo queryName() {
        return machine.queryName();
    }

    @Override
    public UuidInfo queryUuid() {
        return machine.queryUuid();
    }

    @Override
    public KvmInfo queryKvm() {
        return machine.queryKvm();
    }

    @Override
    public List<MachineInfo> queryMachines() {
        return machine.queryMachines();
    }

    @Override
    public CurrentMachineParams queryCurrentMachine() {
        return machine.queryCurrentMachine();
    }

    @Override
    public List<HotpluggableCPU> queryHotpluggableCpus() {
        return cpus.queryHotpluggableCpus();
    }

    @Override
    public List<CpuInfoFast> queryCpusFast() {
        return cpus.queryCpusFast();
    }

    @Override
    public CpuModelExpansionInfo queryCpuModelExpansion(QueryCpuModelExpansionArguments arguments) {
        return cpus.queryCpuModelExpansion(arguments);
    }

    @Override
    public List<CpuDefinitionInfo> queryCpuDefinitions() {
        return cpus.queryCpuDefinitions();
    }

    @Override
    public void setNumaNode(NumaOptions arguments) {
        numa.setNumaNode(arguments);
    }

    @Override
    public List<Memdev> queryMemdev() {
        return memory.queryMemdev();
    }

    @Override
    public MemoryInfo queryMemorySizeSummary() {
        return memory.queryMemorySizeSummary();
    }

    @Override
    public List<ObjectPropertyInfo> qomList(QomListArguments arguments) {
        return qom.qomList(arguments.path());
    }

    @Override
    public JsonNode qomGet(QomGetArguments arguments) {
        return qom.qomGet(arguments.path(), arguments.property());
    }

    @Override
    public List<ObjectTypeInfo> qomListTypes(QomListTypesArguments arguments) {
        return types.qomListTypes(arguments);
    }

    @Override
    public List<ObjectPropertyInfo> qomListProperties(QomListPropertiesArguments arguments) {
        return types.qomListProperties(arguments);
    }

    @Override
    public List<ObjectPropertyInfo> deviceListProperties(DeviceListPropertiesArguments arguments) {
        return types.deviceListProperties(arguments);
    }

    @Override
    public JsonNode deviceAdd(ObjectNode arguments) {
        return devices.deviceAdd(arguments);
    }

    @Override
    public void deviceDel(DeviceDelArguments arguments) {
        devices.deviceDel(arguments.id());
    }

    @Override
    public List<PciInfo> queryPci() {
        return pci.queryPci();
    }

    @Override
    public HardwareDescription queryMachineType(QueryMachineTypeArguments arguments) {
        return describer.describe(
                arguments.type(), arguments.props(), arguments.defaults().orElse(false));
    }

    @Override
    public JsonNode objectAdd(ObjectNode arguments) {
        objects.objectAdd(arguments);
        return JsonNodeFactory.instance.objectNode();
    }

    @Override
    public void objectDel(ObjectDelArguments arguments) {
        objects.objectDel(arguments);
    }

    @Override
    public HardwareDescription queryHardware() {
        return hardware.queryHardware();
    }

    @Override
    public HardwareDescription planHardware(PlanHardwareArguments arguments) {
        return hardware.planHardware(arguments);
    }

    @Override
    public List<ChardevInfo> queryChardev() {
        return chardevs.queryChardev();
    }

    @Override
    public List<ChardevBackendInfo> queryChardevBackends() {
        return chardevs.queryChardevBackends();
    }

    @Override
    public ChardevReturn chardevAdd(ChardevAddArguments arguments) {
        return chardevs.chardevAdd(arguments);
    }

    @Override
    public void chardevRemove(ChardevRemoveArguments arguments) {
        chardevs.chardevRemove(arguments);
    }

    @Override
    public JsonNode blockdevAdd(ObjectNode arguments) {
        blocks.blockdevAdd(arguments);
        return JsonNodeFactory.instance.objectNode();
    }

    @Override
    public void blockdevDel(BlockdevDelArguments arguments) {
        blocks.blockdevDel(arguments);
    }

    @Override
    public List<BlockDeviceInfo> queryNamedBlockNodes(QueryNamedBlockNodesArguments arguments) {
        return blocks.queryNamedBlockNodes();
    }

    @Override
    public List<BlockInfo> queryBlock() {
        return blocks.queryBlock();
    }

    @Override
    public JsonNode netdevAdd(ObjectNode arguments) {
        net.netdevAdd(arguments);
        return JsonNodeFactory.instance.objectNode();
    }

    @Override
    public void netdevDel(NetdevDelArguments arguments) {
        net.netdevDel(arguments);
    }

    @Override
    public void balloon(BalloonArguments arguments) {
        host.balloon(arguments);
    }

    @Override
    public BalloonInfo queryBalloon() {
        return host.queryBalloon();
    }

    @Override
    public void migrateSetCapabilities(MigrateSetCapabilitiesArguments arguments) {
        host.migrateSetCapabilities(arguments);
    }

    @Override
    public List<MigrationCapabilityStatus> queryMigrateCapabilities() {
        return host.queryMigrateCapabilities();
    }

    @Override
    public List<IOThreadInfo> queryIothreads() {
        return host.queryIothreads();
    }

    @Override
    public void getfd(GetfdArguments arguments) {
        fds.getfd(arguments.fdname());
    }

    @Override
    public void closefd(ClosefdArguments arguments) {
        fds.closefd(arguments.fdname());
    }

    @Override
    public AddfdInfo addFd(AddFdArguments arguments) {
        return fds.addFd(arguments);
    }

    @Override
    public void removeFd(RemoveFdArguments arguments) {
        fds.removeFd(arguments);
    }

    @Override
    public List<FdsetInfo> queryFdsets() {
        return fds.queryFdsets();
    }
}
