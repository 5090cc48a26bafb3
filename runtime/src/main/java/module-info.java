/**
 * The QAPI runtime: what generated code and applications use to talk QMP.
 *
 * <p>Generated sources compile against this module on the module path as well as the class path.
 * <ul>
 *   <li>{@code io.qapi.runtime.api}: everything generated code may import and nothing else:
 *       the values every generated file uses ({@code QmpError}, {@code QNull},
 *       {@code QapiEnum}, {@code Features}, ...), reading and writing values as QEMU does
 *       ({@code Input}, {@code Decoder}, {@code ObjectReader}, {@code Json}, ...), the
 *       generated client's {@code QmpCaller}, the generated dispatcher's {@code Command} and the
 *       events' {@code EventType} and {@code EventSink};</li>
 *   <li>{@code io.qapi.runtime.json}: JSON text exactly as QEMU reads and writes it (the stream
 *       reader with its limits, the writer with QEMU's member order, pre-encoded values);</li>
 *   <li>{@code io.qapi.runtime.protocol}: QMP messages (greeting, replies, events, timestamps);</li>
 *   <li>{@code io.qapi.runtime.transport}: the endpoints (UNIX and TCP sockets) QMP runs over,
 *       and {@code Transport}, where a transport the JDK lacks (passing file descriptors) plugs
 *       in;</li>
 *   <li>{@code io.qapi.runtime.client}, {@code io.qapi.runtime.server}: the QMP client and
 *       server;</li>
 *   <li>{@code io.qapi.runtime.introspect}: {@code query-qmp-schema} indexed, and the comparison
 *       of two schemas;</li>
 *   <li>{@code io.qapi.runtime.keyval}: the command-line (keyval) form of values.</li>
 * </ul>
 * {@code io.qapi.runtime.internal} is not exported. Nothing is opened for reflection: the runtime
 * reads and writes values through generated code, never through reflection.
 */
module io.qapi.runtime {
    // Generated signatures use JsonNode and ObjectNode, so a reader of this module reads Jackson too.
    requires transitive com.fasterxml.jackson.databind;

    exports io.qapi.runtime.api;
    exports io.qapi.runtime.json;
    exports io.qapi.runtime.protocol;
    exports io.qapi.runtime.transport;
    exports io.qapi.runtime.client;
    exports io.qapi.runtime.server;
    exports io.qapi.runtime.introspect;
    exports io.qapi.runtime.keyval;
}
