package io.qapi.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qapi.compiler.model.Entity;
import io.qapi.compiler.model.Member;
import io.qapi.compiler.model.Module;
import io.qapi.compiler.model.Schema;
import io.qapi.compiler.model.Types.ArrayType;
import io.qapi.compiler.model.Types.Command;
import io.qapi.compiler.model.Types.ObjectType;
import io.qapi.compiler.model.Variant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The semantic model: implicit types, order, flattening, modules. */
class ModelTest {

    private static Schema schema(Fixtures fixtures) {
        var result = fixtures.compile();
        assertTrue(result.ok(), () -> result.errors().toString());
        return result.schema();
    }

    private static List<String> names(Module module) {
        return module.entities().stream()
                .map(e -> e instanceof Entity.Definition d ? d.name() : "include " + ((Entity.Include) e).module())
                .toList();
    }

    @Test
    void implicitTypesComeRightBeforeTheDefinitionThatCreatesThem() {
        Schema s = schema(Fixtures.file("s.json", """
                { 'enum': 'Mode', 'data': ['fast', 'slow'] }
                { 'struct': 'Trip', 'data': { 'km': 'int' } }
                { 'command': 'go', 'data': { 'modes': ['Mode'], '*speed': 'int' }, 'returns': ['Trip'] }
                """));
        assertEquals(
                List.of("Mode", "Trip", "ModeList", "q_obj_go-arg", "TripList", "go"),
                names(s.modules().get(1)));
        Command go = (Command) s.lookup("go").orElseThrow();
        assertEquals("q_obj_go-arg", go.argType());
        assertEquals("TripList", go.retType());
    }

    @Test
    void anArrayLivesInItsElementsModuleEvenWhenUsedFirstElsewhere() {
        Schema s = schema(
                Fixtures.file("main.json", """
                { 'struct': 'Shelf', 'data': { 'books': ['Book'] } }
                { 'include': 'book.json' }
                """).and("book.json", "{ 'struct': 'Book', 'data': { 'title': 'str' } }\n"));
        assertEquals(List.of("Shelf", "include book.json"), names(s.modules().get(1)));
        assertEquals(List.of("BookList", "Book"), names(s.modules().get(2)));
        ArrayType books = (ArrayType) s.type("BookList");
        assertEquals("Book", books.elementType());
    }

    @Test
    void membersAreFlattenedBaseFirstAndRememberWhereTheyAreDeclared() {
        Schema s = schema(Fixtures.file("s.json", """
                { 'struct': 'Animal', 'data': { 'name': 'str' } }
                { 'struct': 'Dog', 'base': 'Animal', 'data': { '*breed': 'str' } }
                """));
        ObjectType dog = (ObjectType) s.type("Dog");
        assertEquals(
                List.of("name", "breed"),
                dog.members().stream().map(Member::name).toList());
        assertEquals("Animal", dog.members().get(0).definedIn());
        assertEquals(1, dog.localMembers().size());
        assertTrue(dog.members().get(1).optional());
    }

    @Test
    void unionBranchesForUncoveredValuesAreEmpty() {
        Schema s = schema(Fixtures.file("s.json", """
                { 'enum': 'Kind', 'data': ['disk', 'net', { 'name': 'usb', 'if': 'HAVE_USB' }] }
                { 'struct': 'Disk', 'data': { 'path': 'str' } }
                { 'union': 'Device', 'base': { 'kind': 'Kind' }, 'discriminator': 'kind',
                  'data': { 'disk': 'Disk' } }
                """));
        ObjectType device = (ObjectType) s.type("Device");
        assertEquals("q_obj_Device-base", device.base());
        List<Variant> variants = device.branches().variants();
        assertEquals(
                List.of("disk", "net", "usb"),
                variants.stream().map(Variant::name).toList());
        assertEquals("q_empty", variants.get(1).type());
        assertEquals("HAVE_USB", variants.get(2).ifcond().display());
        assertTrue(device.isUnion());
    }

    @Test
    void emptyInlineArgumentsMakeNoType() {
        Schema s = schema(Fixtures.file("s.json", "{ 'command': 'ping', 'data': {} }\n"));
        Command ping = (Command) s.lookup("ping").orElseThrow();
        assertNull(ping.argType());
        assertFalse(s.lookup("q_obj_ping-arg").isPresent());
    }

    @Test
    void conditionsPrintAsQemuPrintsThem() {
        Schema s = schema(Fixtures.file("s.json", """
                { 'struct': 'Gpu', 'data': {},
                  'if': { 'all': [ 'HAVE_PCI', { 'not': { 'any': [ 'A', 'B' ] } } ] } }
                """));
        assertEquals(
                "{'all': ['HAVE_PCI', {'not': {'any': ['A', 'B']}}]}",
                s.type("Gpu").ifcond().display());
        assertTrue(s.type("Gpu").ifcond().holds(Set.of("HAVE_PCI")));
        assertFalse(s.type("Gpu").ifcond().holds(Set.of("HAVE_PCI", "B")));
    }

    @Test
    void builtinsAndPredefinedTypesComeFirst() {
        Schema s = schema(Fixtures.file("s.json", "{ 'enum': 'Empty', 'data': [] }\n"));
        Module builtin = s.modules().get(0);
        assertEquals(Module.BUILTIN, builtin.name());
        assertEquals(
                List.of("str", "strList", "number", "numberList"),
                names(builtin).subList(0, 4));
        assertEquals(
                List.of("q_empty", "QType"),
                names(builtin).subList(names(builtin).size() - 2, names(builtin).size()));
    }
}
