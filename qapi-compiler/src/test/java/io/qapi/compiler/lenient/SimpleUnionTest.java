package io.qapi.compiler.lenient;

import static io.qapi.compiler.lenient.Lenient.accept;
import static io.qapi.compiler.lenient.Lenient.names;
import static io.qapi.compiler.lenient.Lenient.strictError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qapi.compiler.Fixtures;
import io.qapi.compiler.model.EnumValue;
import io.qapi.compiler.model.Member;
import io.qapi.compiler.model.Schema;
import io.qapi.compiler.model.Types.EnumType;
import io.qapi.compiler.model.Types.ObjectType;
import io.qapi.compiler.model.Variant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Simple unions (no base, no discriminator), which QEMU accepted until 6.1, desugared as those
 * releases did: an implicit enum of the branch names and a wrapper object per branch type.
 */
class SimpleUnionTest {
    private static final Fixtures PETS = Fixtures.file("pets.json", """
            { 'struct': 'Cat', 'data': { 'lives': 'int' } }
            { 'union': 'Pet', 'data': { 'cat': 'Cat', 'name': 'str', 'toys': ['str'] } }
            """);

    @Test
    void branchesBecomeWrappersThenTheKindEnumThenTheUnion() {
        Schema s = accept(PETS);
        assertEquals(
                List.of("Cat", "q_obj_Cat-wrapper", "q_obj_str-wrapper", "q_obj_strList-wrapper", "PetKind", "Pet"),
                names(s.modules().get(1)));
    }

    @Test
    void theTagIsTheUnionsOwnMemberTypeOfTheKindEnum() {
        Schema s = accept(PETS);
        ObjectType pet = (ObjectType) s.type("Pet");
        assertEquals("type", pet.branches().tag());
        assertNull(pet.base());
        Member tag = pet.members().get(0);
        assertEquals("type", tag.name());
        assertEquals("PetKind", tag.type());
        assertFalse(tag.optional());
        assertEquals("Pet", tag.definedIn());
        EnumType kind = (EnumType) s.type("PetKind");
        assertEquals(
                List.of("cat", "name", "toys"),
                kind.values().stream().map(EnumValue::name).toList());
        assertEquals(pet.info(), kind.info());
        assertNull(kind.doc());
    }

    @Test
    void eachBranchWrapsItsTypeInTheMemberData() {
        Schema s = accept(PETS);
        ObjectType pet = (ObjectType) s.type("Pet");
        assertEquals(
                List.of("q_obj_Cat-wrapper", "q_obj_str-wrapper", "q_obj_strList-wrapper"),
                pet.branches().variants().stream().map(Variant::type).toList());
        ObjectType toys = (ObjectType) s.type("q_obj_strList-wrapper");
        assertTrue(toys.implicit());
        assertEquals(1, toys.members().size());
        assertEquals("data", toys.members().get(0).name());
        assertEquals("strList", toys.members().get(0).type());
    }

    @Test
    void unionsWithBranchesOfTheSameTypeShareTheWrapper() {
        Schema s = accept(Fixtures.file("s.json", """
                { 'union': 'Label', 'data': { 'text': 'str' } }
                { 'union': 'Note', 'data': { 'body': 'str', 'flag': 'bool' } }
                """));
        assertEquals(
                List.of("q_obj_str-wrapper", "LabelKind", "Label", "q_obj_bool-wrapper", "NoteKind", "Note"),
                names(s.modules().get(1)));
        assertEquals(
                "q_obj_str-wrapper",
                ((ObjectType) s.type("Note")).branches().variants().get(0).type());
    }

    @Test
    void conditionsGoToTheEnumAndTheWrappers() {
        Schema s = accept(Fixtures.file("s.json", """
                { 'struct': 'Early', 'data': {}, 'if': 'HAVE_EARLY' }
                { 'union': 'Mix', 'if': 'HAVE_MIX',
                  'data': { 'early': 'Early', 'late': 'Late',
                            'opt': { 'type': 'int', 'if': 'HAVE_OPT' } } }
                { 'struct': 'Late', 'data': {}, 'if': 'HAVE_LATE' }
                """));
        EnumType kind = (EnumType) s.type("MixKind");
        assertEquals("HAVE_MIX", kind.ifcond().display());
        assertEquals("HAVE_OPT", kind.values().get(2).ifcond().display());
        Variant opt = ((ObjectType) s.type("Mix")).branches().variants().get(2);
        assertEquals("HAVE_OPT", opt.ifcond().display());
        // A wrapper takes the condition of a type defined before the union, as QEMU looked it up then.
        assertEquals("HAVE_EARLY", s.type("q_obj_Early-wrapper").ifcond().display());
        assertFalse(s.type("q_obj_Late-wrapper").ifcond().isPresent());
        assertFalse(s.type("q_obj_int-wrapper").ifcond().isPresent());
    }

    @Test
    void anArrayBranchWrapperTakesTheElementsCondition() {
        Schema s = accept(Fixtures.file("s.json", """
                { 'enum': 'Color', 'data': [ 'red' ], 'if': 'HAVE_COLOR' }
                { 'union': 'Paint', 'data': { 'colors': ['Color'] } }
                """));
        assertEquals("HAVE_COLOR", s.type("q_obj_ColorList-wrapper").ifcond().display());
    }

    @Test
    void theUnionKeepsItsDocumentationAndTheTagNeedsNone() {
        Schema s = accept(Fixtures.file("s.json", """
                ##
                # @Shape:
                #
                # A shape.
                #
                # @round: a circle
                ##
                { 'union': 'Shape', 'data': { 'round': 'int' } }
                """));
        assertEquals("Shape", s.type("Shape").doc().symbol());
    }

    @Test
    void strictModeRejectsSimpleUnions() {
        assertEquals("pets.json:2: union misses keys 'base', 'discriminator'", strictError(PETS));
    }

    @Test
    void aSimpleUnionMayNotHaveABase() {
        var result = Fixtures.file("s.json", """
                { 'struct': 'Base', 'data': { 'kind': 'str' } }
                { 'union': 'Odd', 'base': 'Base', 'data': { 'a': 'int' } }
                """).compile(Lenient.LENIENT);
        assertFalse(result.ok());
    }
}
