/**
 * The QAPI runtime: what generated code and applications use to talk QMP.
 *
 * <p>Generated sources compile against this module on the module path as well as the class path.
 * Every package a generated file or an application needs is exported:
 * <ul>
 *   <li>{@code io.qapi.runtime}: values and annotations every generated file uses
 *       ({@code QmpError}, {@code QNull}, {@code QapiEnum}, {@code Features}, ...);</li>
 *   <li>{@code io.qapi.runtime.json}: the JSON codec that reads and writes values exactly as QEMU
 *       does, used by generated records, enums, unions and alternates;</li>
 *   <li>{@code io.qapi.runtime.keyval}: the command-line (keyval) form of the same values;</li>
 *   <li>{@code io.qapi.runtime.client}, {@code io.qapi.runtime.server},
 *       {@code io.qapi.runtime.event}: the QMP client, the QMP server and typed events;</li>
 *   <li>{@code io.qapi.runtime.protocol}: QMP messages and the schema index behind
 *       introspection;</li>
 *   <li>{@code io.qapi.runtime.transport}: the endpoints (UNIX and TCP sockets) QMP runs over.</li>
 * </ul>
 * Nothing is opened for reflection: the runtime reads and writes values through generated code,
 * never through reflection.
 */
module io.qapi.runtime {
    // Generated signatures use JsonNode and ObjectNode, so a reader of this module reads Jackson too.
    requires transitive com.fasterxml.jackson.databind;

    exports io.qapi.runtime;
    exports io.qapi.runtime.json;
    exports io.qapi.runtime.keyval;
    exports io.qapi.runtime.client;
    exports io.qapi.runtime.server;
    exports io.qapi.runtime.event;
    exports io.qapi.runtime.protocol;
    exports io.qapi.runtime.transport;
}
