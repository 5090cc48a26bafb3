package io.qapi.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.runtime.api.Command;
import io.qapi.runtime.api.Input;
import io.qapi.runtime.api.Json;
import io.qapi.runtime.api.QmpError;
import io.qapi.runtime.internal.LazyLogger;
import io.qapi.runtime.json.QDictOrder;
import io.qapi.runtime.protocol.QmpMessages;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Turns one request into its reply, with QEMU's checks in QEMU's order: the request must be an
 * object whose members (looked at in QEMU's hash order) are {@code execute} or, with OOB
 * enabled, {@code exec-oob}, {@code arguments} and {@code id}; then the command must exist,
 * pass the compat policy, allow OOB if sent out of band, and be allowed in preconfig. Before
 * negotiation only {@code qmp_capabilities} exists, and a missing command is reported as
 * QEMU does: {@code Expecting capabilities negotiation with 'qmp_capabilities'}.
 */
final class RequestRouter {
    private static final System.Logger LOG = LazyLogger.of(RequestRouter.class);
    private static final Command CAPABILITIES =
            new Command(Negotiation.COMMAND, List.of(), true, false, true, (arguments, in) -> {
                throw new IllegalStateException("qmp_capabilities runs in its session");
            });

    private final Map<String, Command> commands;
    private final CompatPolicy compat;
    private final SchemaPolicy schemaPolicy;
    private final BooleanSupplier preconfig;
    private final boolean offersOob;
    private final CommandSpeeds speeds;
    private final CompatCrashHandler crashHandler;

    RequestRouter(List<Command> table, ServerOptions options) {
        this.commands = CoreCommands.table(CAPABILITIES, table);
        CoreCommands.complete(
                commands, () -> options.version() != null ? options.version().deepCopy() : ServerVersion.library());
        this.compat = options.compat();
        this.schemaPolicy =
                options.schema() == null || compat.permissive() ? null : new SchemaPolicy(options.schema(), compat);
        this.preconfig = options.preconfig();
        this.offersOob = options.offerOob();
        this.speeds = new CommandSpeeds(options.inlineQuickCommands());
        this.crashHandler = options.compatCrash();
    }

    /**
     * Whether {@code message} may run on the I/O thread: an in-band command that has proven
     * quick, or {@code qmp_capabilities}.
     */
    boolean quick(JsonNode message) {
        JsonNode name = message.get("execute");
        if (name == null || !name.isTextual()) {
            return false;
        }
        return name.textValue().equals(Negotiation.COMMAND) || speeds.quick(name.textValue());
    }

    Command command(String name) {
        return commands.get(name);
    }

    SchemaPolicy schemaPolicy() {
        return schemaPolicy;
    }

    /**
     * The reply to {@code request}, or null when the command sends none, or when the request
     * met a {@code crash} compat policy: then the crash handler has been told, and the session
     * is closed, as QEMU's connection ends when it aborts.
     */
    ObjectNode handle(Requester requester, JsonNode request) {
        boolean negotiated = requester.negotiated();
        JsonNode id = null;
        try {
            if (!(request instanceof ObjectNode message)) {
                throw QmpError.generic("QMP input must be a JSON object");
            }
            id = message.get("id");
            return execute(requester, message, id, negotiated);
        } catch (QmpError e) {
            String desc = e.desc();
            if (!negotiated && QmpError.COMMAND_NOT_FOUND.equals(e.errorClass())) {
                desc = "Expecting capabilities negotiation with 'qmp_capabilities'";
            }
            return QmpMessages.error(e.errorClass(), desc, id);
        } catch (CompatPolicy.CompatCrash e) {
            LOG.log(
                    System.Logger.Level.ERROR,
                    "QMP session " + requester.id() + " (" + requester.peer() + "): " + e.getMessage());
            try {
                crashHandler.crashed(requester.id(), e.getMessage());
            } finally {
                requester.close(CloseReason.Kind.COMPAT_CRASH, e.getMessage());
            }
            return null;
        }
    }

    private ObjectNode execute(Requester requester, ObjectNode message, JsonNode id, boolean negotiated) {
        String name = checkMembers(message, requester.oobEnabled());
        boolean oob = !message.has("execute");
        Command command = negotiated || name.equals(Negotiation.COMMAND) ? commands.get(name) : null;
        if (command == null) {
            throw new QmpError(QmpError.COMMAND_NOT_FOUND, "The command " + name + " has not been found");
        }
        String rejected = compat.rejects(command.features(), "command", name);
        if (rejected != null) {
            throw new QmpError(QmpError.COMMAND_NOT_FOUND, rejected);
        }
        if (oob && !command.allowOob()) {
            throw QmpError.generic("The command " + name + " does not support OOB");
        }
        if (!command.allowPreconfig() && preconfig.getAsBoolean()) {
            throw QmpError.generic(
                    "The command '" + name + "' is permitted only after machine initialization has completed");
        }
        JsonNode given = message.get("arguments");
        ObjectNode arguments = given == null ? Json.object() : (ObjectNode) given;
        JsonNode value = run(requester, command, arguments);
        if (!command.successResponse()) {
            return null;
        }
        if (value == null) {
            value = Json.object();
        }
        if (schemaPolicy != null) {
            value = schemaPolicy.filterReturn(name, value);
        }
        return QmpMessages.success(value, id);
    }

    /** Whether {@code command} is the router's own {@code qmp_capabilities}. */
    // The very instance: the router runs its own negotiation, whatever a table holds.
    @SuppressWarnings("ReferenceEquality")
    private static boolean isNegotiation(Command command) {
        return command == CAPABILITIES;
    }

    private JsonNode run(Requester requester, Command command, ObjectNode arguments) {
        if (isNegotiation(command)) {
            return Negotiation.run(requester, arguments, offersOob);
        }
        if (schemaPolicy != null) {
            schemaPolicy.checkArguments(command.name(), arguments);
        }
        long start = System.nanoTime();
        try {
            return CallingSession.during(
                    requester.peer(), () -> command.handler().run(arguments, Input.STRICT));
        } catch (QmpError e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "QMP command " + command.name() + " failed", e);
            throw QmpError.generic(e.getMessage() != null ? e.getMessage() : e.toString());
        } finally {
            speeds.ran(command.name(), System.nanoTime() - start);
        }
    }

    /** QEMU's check of a request's members, in QEMU's order; returns the command's name. */
    private static String checkMembers(ObjectNode message, boolean allowOob) {
        String execKey = null;
        for (String key : QDictOrder.order(message.fieldNames(), message.size())) {
            JsonNode value = message.get(key);
            if (key.equals("execute") || (allowOob && key.equals("exec-oob"))) {
                if (!value.isTextual()) {
                    throw QmpError.generic("QMP input member '" + key + "' must be a string");
                }
                if (execKey != null) {
                    throw QmpError.generic("QMP input member '" + key + "' clashes with '" + execKey + "'");
                }
                execKey = key;
            } else if (key.equals("arguments")) {
                if (!value.isObject()) {
                    throw QmpError.generic("QMP input member 'arguments' must be an object");
                }
            } else if (!key.equals("id")) {
                throw QmpError.generic("QMP input member '" + key + "' is unexpected");
            }
        }
        if (execKey == null) {
            throw QmpError.generic("QMP input lacks member 'execute'");
        }
        JsonNode execute = message.get("execute");
        return execute != null ? execute.textValue() : message.get("exec-oob").textValue();
    }
}
