package io.qapi.compiler.gen;

import com.palantir.javapoet.ClassName;

import java.util.List;

/**
 * Every runtime type that generated code may refer to, named in one place.
 *
 * <p>Generated sources compile against the {@code runtime} module; when a runtime type moves or is
 * renamed, this class is the only place in the generator that changes, and
 * {@code RuntimeNamesTest} fails until every name here resolves to a public type of the runtime
 * again.
 */
public final class RuntimeNames {

    private static final String ROOT = "io.qapi.runtime";
    private static final String JSON_CODEC = ROOT + ".json";
    private static final String CLIENT = ROOT + ".client";
    private static final String SERVER = ROOT + ".server";
    private static final String EVENT = ROOT + ".event";

    /** The value of a QAPI {@code null} member or branch. */
    public static final ClassName QNULL = ClassName.get(ROOT, "QNull");
    /** Implemented by every generated enum: maps constants to wire names. */
    public static final ClassName QAPI_ENUM = ClassName.get(ROOT, "QapiEnum");
    /** How a command implementation reports failure: error class and description. */
    public static final ClassName QMP_ERROR = ClassName.get(ROOT, "QmpError");
    /** Marks an element whose schema definition carries the {@code unstable} feature. */
    public static final ClassName UNSTABLE = ClassName.get(ROOT, "Unstable");
    /** Records a schema {@code if} condition on a generated element. */
    public static final ClassName CONDITIONAL = ClassName.get(ROOT, "Conditional");
    /** Records the schema features of a generated element. */
    public static final ClassName FEATURES = ClassName.get(ROOT, "Features");

    /** Reads JSON values the way QEMU's parser does. */
    public static final ClassName DECODER = ClassName.get(JSON_CODEC, "Decoder");
    /** Decoders of the built-in QAPI types. */
    public static final ClassName DECODERS = ClassName.get(JSON_CODEC, "Decoders");
    /** Writes JSON text the way QEMU's formatter does. */
    public static final ClassName JSON = ClassName.get(JSON_CODEC, "Json");
    /** One JSON (or keyval) input being decoded, with its path for error messages. */
    public static final ClassName INPUT = ClassName.get(JSON_CODEC, "Input");
    /** Reads the members of one JSON object, rejecting unknown ones in strict mode. */
    public static final ClassName OBJECT_READER = ClassName.get(JSON_CODEC, "ObjectReader");
    /** Helpers shared by generated records: member checks and JSON output. */
    public static final ClassName RECORDS = ClassName.get(JSON_CODEC, "Records");
    /** Helpers shared by generated enums. */
    public static final ClassName ENUMS = ClassName.get(JSON_CODEC, "Enums");
    /** Helpers shared by generated alternates: branch choice by JSON type. */
    public static final ClassName ALTERNATES = ClassName.get(JSON_CODEC, "Alternates");

    /** Sends one command and waits for, or is told of, its reply. */
    public static final ClassName QMP_CALLER = ClassName.get(CLIENT, "QmpCaller");
    /** Helpers of the generated client: argument encoding and reply decoding. */
    public static final ClassName CALLS = ClassName.get(CLIENT, "Calls");

    /** One command the server offers, with its flags and its handler. */
    public static final ClassName COMMAND = ClassName.get(SERVER, "Command");

    /** One event of the schema: its wire name and its data decoder. */
    public static final ClassName EVENT_TYPE = ClassName.get(EVENT, "EventType");
    /** Where a server's generated event emitters send their events. */
    public static final ClassName EVENT_SINK = ClassName.get(EVENT, "EventSink");

    /** All of the above, so that a test can check that each one resolves. */
    public static final List<ClassName> ALL = List.of(
            QNULL, QAPI_ENUM, QMP_ERROR, UNSTABLE, CONDITIONAL, FEATURES,
            DECODER, DECODERS, JSON, INPUT, OBJECT_READER, RECORDS, ENUMS, ALTERNATES,
            QMP_CALLER, CALLS, COMMAND, EVENT_TYPE, EVENT_SINK);

    private RuntimeNames() {
    }
}
