package io.qapi.it.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qapi.runtime.api.EventSink;
import io.qapi.runtime.api.EventType;
import io.qapi.runtime.api.Input;
import io.qapi.runtime.api.QmpError;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code Events}, the registry a client subscribes through, and {@code EventEmitter}, through
 * which a server emits: names, features, data decoded into the events' records and encoded
 * from them.
 */
class EventsTest {
    private static final String SCHEMA = """
            { 'enum': 'Alarm', 'data': [ 'fire', 'flood' ] }
            { 'struct': 'Fire', 'data': { 'floor': 'int' } }
            { 'union': 'AlarmInfo', 'base': { 'alarm': 'Alarm' },
              'discriminator': 'alarm', 'data': { 'fire': 'Fire' } }
            { 'struct': 'Location', 'data': { 'building': 'str', '*room': 'str' } }
            { 'event': 'ALARM_SILENCED' }
            { 'event': 'ALARM_CLEARED', 'data': { 'alarm': 'Alarm', '*by': 'str' },
              'features': [ 'deprecated' ] }
            { 'event': 'ALARM_LOCATED', 'data': 'Location', 'boxed': true,
              'features': [ 'unstable' ] }
            { 'event': 'ALARM_RAISED', 'data': 'AlarmInfo', 'boxed': true }
            """;

    private static CompiledCode code;

    @BeforeAll
    static void generate() {
        code = CompiledCode.compile(Generation.of("ev").generate(SCHEMA));
    }

    @SuppressWarnings("unchecked")
    private static List<EventType<?>> all() {
        try {
            return (List<EventType<?>>) code.type("ev.Events").getField("ALL").get(null);
        } catch (ReflectiveOperationException e) {
            throw new LinkageError(e.getMessage(), e);
        }
    }

    private static EventType<?> byName(String name) {
        return ((Optional<?>) code.call("ev.Events", "byName", name))
                .map(e -> (EventType<?>) e)
                .orElseThrow(() -> new AssertionError("no event " + name));
    }

    @Test
    void everyEventInSchemaOrderWithItsFeatures() {
        assertEquals(
                List.of("ALARM_SILENCED", "ALARM_CLEARED", "ALARM_LOCATED", "ALARM_RAISED"),
                all().stream().map(EventType::name).toList());
        assertEquals(List.of("deprecated"), byName("ALARM_CLEARED").features());
        assertEquals(List.of("unstable"), byName("ALARM_LOCATED").features());
        assertEquals(List.of(), byName("ALARM_SILENCED").features());
        assertEquals(Optional.empty(), code.call("ev.Events", "byName", "NO_SUCH_EVENT"));
    }

    @Test
    void eachConstantIsTypedByItsRecord() {
        assertEquals(code.type("ev.AlarmClearedEvent"), byName("ALARM_CLEARED").type());
        Object cleared = byName("ALARM_CLEARED").decode(JsonText.parse("{ 'alarm': 'fire' }"), Input.STRICT);
        assertTrue(byName("ALARM_CLEARED").type().isInstance(cleared));
    }

    @Test
    void dataDecodesIntoTheRecordAndEncodesBack() {
        String data = "{ 'alarm': 'flood', 'by': 'warden' }";
        JsonText.assertEquivalent(
                data, CompiledCode.toJson(byName("ALARM_CLEARED").decode(JsonText.parse(data), Input.STRICT)));
        String located = "{ 'building': 'B', 'room': '1.01' }";
        JsonText.assertEquivalent(
                located, CompiledCode.toJson(byName("ALARM_LOCATED").decode(JsonText.parse(located), Input.STRICT)));
    }

    @Test
    void anEventWithoutDataDecodesFromNoData() {
        JsonText.assertEquivalent(
                "{ }", CompiledCode.toJson(byName("ALARM_SILENCED").decode(null, Input.STRICT)));
    }

    @Test
    void aNewerQemusAdditionsAreKeptWhenLenient() {
        String data = "{ 'alarm': 'earthquake', 'by': 'warden', 'magnitude': 5 }";
        JsonText.assertEquivalent(
                data, CompiledCode.toJson(byName("ALARM_CLEARED").decode(JsonText.parse(data), Input.LENIENT)));
        assertEquals(
                "Parameter 'alarm' does not accept value 'earthquake'",
                assertThrows(QmpError.class, () -> byName("ALARM_CLEARED").decode(JsonText.parse(data), Input.STRICT))
                        .desc());
    }

    @Test
    void boxedUnionDataKeepsTheMembersOfItsBranch() {
        String data = "{ 'alarm': 'fire', 'floor': 3 }";
        Object raised = byName("ALARM_RAISED").decode(JsonText.parse(data), Input.STRICT);
        JsonText.assertEquivalent(data, CompiledCode.toJson(raised));
    }

    @Test
    void theEmitterSendsNameAndData() {
        List<String> sent = new ArrayList<>();
        EventSink sink = (name, data) -> sent.add(name + " " + data);
        Object emitter = code.call("ev.EventEmitter", "over", sink);
        emit(emitter, "ALARM_SILENCED");
        emit(emitter, "ALARM_CLEARED", "{ 'alarm': 'flood', 'by': 'warden' }");
        emit(emitter, "ALARM_LOCATED", "{ 'building': 'B' }");
        assertEquals(
                List.of(
                        "ALARM_SILENCED null",
                        "ALARM_CLEARED {\"alarm\":\"flood\",\"by\":\"warden\"}",
                        "ALARM_LOCATED {\"building\":\"B\"}"),
                sent);
    }

    /**
     * Calls the emitter's method for an event (found whatever its case, which the next test
     * checks), with the record decoded from {@code data}.
     */
    private static void emit(Object emitter, String event, String... data) {
        String method = event.replace("_", "");
        Object[] args = data.length == 0
                ? new Object[0]
                : new Object[] {byName(event).decode(JsonText.parse(data[0]), Input.STRICT)};
        for (Method m : code.type("ev.EventEmitter").getMethods()) {
            if (m.getName().equalsIgnoreCase(method) && m.getParameterCount() == args.length) {
                try {
                    m.invoke(emitter, args);
                    return;
                } catch (ReflectiveOperationException e) {
                    throw new LinkageError(e.getMessage(), e);
                }
            }
        }
        throw new AssertionError("EventEmitter has no method for " + event);
    }

    @Test
    void emitterMethodsAreNamedLikeTheRecordsInCamelCase() {
        List<String> methods = Arrays.stream(code.type("ev.EventEmitter").getDeclaredMethods())
                .map(Method::getName)
                .filter(n -> n.startsWith("alarm"))
                .sorted()
                .toList();
        assertEquals(List.of("alarmCleared", "alarmLocated", "alarmRaised", "alarmSilenced"), methods);
    }
}
