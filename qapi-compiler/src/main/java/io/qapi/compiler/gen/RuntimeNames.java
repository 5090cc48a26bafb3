package io.qapi.compiler.gen;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * Every runtime type that generated code may refer to, named in one place.
 *
 * <p>Generated sources import from one runtime package only, {@link #API}, which the
 * {@code runtime} module exports for them. When a runtime type moves or is renamed, this class is
 * the only place in the generator that changes, and
 * {@code RuntimeNamesTest} fails until every name here resolves to a public type of the runtime
 * again.
 */
public final class RuntimeNames {

    /** The one runtime package generated code imports from. */
    public static final String API = "io.qapi.runtime.api";

    /** The value of a QAPI {@code null} member or branch. */
    public static final ClassName QNULL = ClassName.get(API, "QNull");
    /** Implemented by every generated enum: maps constants to wire names. */
    public static final ClassName QAPI_ENUM = ClassName.get(API, "QapiEnum");
    /** How a command implementation reports failure: error class and description. */
    public static final ClassName QMP_ERROR = ClassName.get(API, "QmpError");
    /** Marks an element whose schema definition carries the {@code unstable} feature. */
    public static final ClassName UNSTABLE = ClassName.get(API, "Unstable");
    /** Records a schema {@code if} condition on a generated element. */
    public static final ClassName CONDITIONAL = ClassName.get(API, "Conditional");
    /** Records the schema features of a generated element. */
    public static final ClassName FEATURES = ClassName.get(API, "Features");

    /** Reads JSON values the way QEMU's parser does. */
    public static final ClassName DECODER = ClassName.get(API, "Decoder");
    /** Decoders of the built-in QAPI types. */
    public static final ClassName DECODERS = ClassName.get(API, "Decoders");
    /** Writes JSON text the way QEMU's formatter does. */
    public static final ClassName JSON = ClassName.get(API, "Json");
    /** One JSON (or keyval) input being decoded, with its path for error messages. */
    public static final ClassName INPUT = ClassName.get(API, "Input");
    /** Reads the members of one JSON object, rejecting unknown ones in strict mode. */
    public static final ClassName OBJECT_READER = ClassName.get(API, "ObjectReader");
    /** Helpers shared by generated records: member checks and JSON output. */
    public static final ClassName RECORDS = ClassName.get(API, "Records");
    /** Helpers shared by generated enums. */
    public static final ClassName ENUMS = ClassName.get(API, "Enums");
    /** Helpers shared by generated alternates: branch choice by JSON type. */
    public static final ClassName ALTERNATES = ClassName.get(API, "Alternates");

    /** Sends one command and waits for, or is told of, its reply. */
    public static final ClassName QMP_CALLER = ClassName.get(API, "QmpCaller");
    /** Helpers of the generated client: argument encoding and reply decoding. */
    public static final ClassName CALLS = ClassName.get(API, "Calls");

    /** One command the server offers, with its flags and its handler. */
    public static final ClassName COMMAND = ClassName.get(API, "Command");

    /** One event of the schema: its wire name and its data decoder. */
    public static final ClassName EVENT_TYPE = ClassName.get(API, "EventType");
    /** Where a server's generated event emitters send their events. */
    public static final ClassName EVENT_SINK = ClassName.get(API, "EventSink");

    /** All of the above, so that a test can check that each one resolves. */
    public static final List<ClassName> ALL = List.of(
            QNULL,
            QAPI_ENUM,
            QMP_ERROR,
            UNSTABLE,
            CONDITIONAL,
            FEATURES,
            DECODER,
            DECODERS,
            JSON,
            INPUT,
            OBJECT_READER,
            RECORDS,
            ENUMS,
            ALTERNATES,
            QMP_CALLER,
            CALLS,
            COMMAND,
            EVENT_TYPE,
            EVENT_SINK);

    private RuntimeNames() {}
}
