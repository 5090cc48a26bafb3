package io.qapi.machine.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.qapi.machine.pack.TypeCatalog;
import io.qapi.machine.pack.TypeQueries;
import io.qapi.machine.vm.VirtualMachine;
import io.qapi.runtime.api.QmpError;
import io.qapi.schema.qom.DeviceListPropertiesArguments;
import io.qapi.schema.qom.ObjectPropertyInfo;
import io.qapi.schema.qom.ObjectTypeInfo;
import io.qapi.schema.qom.QomListPropertiesArguments;
import io.qapi.schema.qom.QomListTypesArguments;
import java.util.List;
import java.util.function.Consumer;

/**
 * The type commands of {@code qom.json} ({@code qom-list-types}, {@code qom-list-properties},
 * {@code device-list-properties}): the binary's captured types, answered by {@link TypeQueries}
 * with QEMU's errors and its module loading. The answers do not depend on the machine: the real
 * binary gives the same ones under {@code none}, {@code pc} and {@code q35} (checked when the pack
 * was made), so the pack holds them once.
 *
 * <p>On a few types QEMU 7.2 aborts (an assertion, a missing type); the model does what the binary
 * does, through {@code onAbort}: by default it prints QEMU's message and ends the process with
 * QEMU's exit status, without a reply.
 */
final class TypesModule {
    /** Ends the process as QEMU does when it aborts: its message on standard error, its status. */
    static final Consumer<TypeCatalog.Abort> EXIT_LIKE_QEMU = abort -> {
        System.err.println(abort.message());
        System.err.flush();
        Runtime.getRuntime().halt(abort.exitStatus());
    };

    private final VirtualMachine machine;
    private final Consumer<TypeCatalog.Abort> onAbort;
    private volatile TypeQueries queries;

    TypesModule(VirtualMachine machine, Consumer<TypeCatalog.Abort> onAbort) {
        this.machine = machine;
        this.onAbort = onAbort;
    }

    /** Whether every module is loaded; none is before the first type query. */
    boolean allModulesLoaded() {
        TypeQueries q = queries;
        return q != null && q.allModulesLoaded();
    }

    /** The queries, made on first use so that a session that never asks does not read the catalog. */
    private TypeQueries queries() {
        TypeQueries q = queries;
        if (q == null) {
            synchronized (this) {
                if (queries == null) {
                    queries = new TypeQueries(machine.parts().pack().types());
                }
                q = queries;
            }
        }
        return q;
    }

    List<ObjectTypeInfo> qomListTypes(QomListTypesArguments arguments) {
        TypeQueries.Answer answer = queries()
                .qomListTypes(arguments.implements_(), arguments.abstract_().orElse(false));
        return MachineModule.capturedList(reply(answer), ObjectTypeInfo.DECODER);
    }

    List<ObjectPropertyInfo> qomListProperties(QomListPropertiesArguments arguments) {
        return properties(queries().qomListProperties(arguments.typename()));
    }

    List<ObjectPropertyInfo> deviceListProperties(DeviceListPropertiesArguments arguments) {
        return properties(queries().deviceListProperties(arguments.typename()));
    }

    private List<ObjectPropertyInfo> properties(TypeQueries.Answer answer) {
        return MachineModule.capturedList(reply(answer), ObjectPropertyInfo.DECODER);
    }

    /** The QMP reply of {@code answer}: its value, or its error thrown as QEMU's. */
    private JsonNode reply(TypeQueries.Answer answer) {
        if (answer instanceof TypeQueries.Failure failure) {
            throw new QmpError(failure.errorClass(), failure.desc());
        }
        if (answer instanceof TypeQueries.Aborted aborted) {
            onAbort.accept(aborted.abort());
            throw QmpError.generic("QEMU 7.2 aborts here: " + aborted.abort().message());
        }
        return answer.qmpReply().orElseThrow();
    }
}
