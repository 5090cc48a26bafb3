package io.qapi.machine.fd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sets of {@code add-fd}, with the orders and clean-up measured on QEMU 7.2. */
class FdSetsTest {
    private final List<Integer> closed = new ArrayList<>();
    private final FdSets sets = new FdSets();

    private PassedDescriptor descriptor(int number) {
        return new PassedDescriptor(number, () -> closed.add(number));
    }

    private String listed() {
        StringBuilder text = new StringBuilder();
        for (FdSets.FdSet set : sets.sets()) {
            text.append(set.id()).append(':');
            set.members().forEach(m -> text.append(' ').append(m.descriptor().number()));
            text.append(';');
        }
        return text.toString();
    }

    @Test
    void anAbsentIdTakesTheFirstGapFromZeroAndSetsAreListedHighestFirst() {
        assertEquals(new FdSets.Added(0, 12), sets.add(Optional.empty(), Optional.empty(), descriptor(12)));
        assertEquals(new FdSets.Added(1, 13), sets.add(Optional.empty(), Optional.empty(), descriptor(13)));
        assertEquals(new FdSets.Added(5, 14), sets.add(Optional.of(5L), Optional.of("hello"), descriptor(14)));
        assertEquals(new FdSets.Added(0, 15), sets.add(Optional.of(0L), Optional.empty(), descriptor(15)));
        assertEquals(new FdSets.Added(2, 16), sets.add(Optional.empty(), Optional.empty(), descriptor(16)));
        assertEquals("5: 14;2: 16;1: 13;0: 12 15;", listed());
        assertEquals(Optional.of("hello"), sets.sets().get(0).members().get(0).opaque());
    }

    @Test
    void aNegativeNewIdIsRefusedAndItsDescriptorClosed() {
        DescriptorException e = assertThrows(
                DescriptorException.class, () -> sets.add(Optional.of(-1L), Optional.empty(), descriptor(20)));
        assertEquals("Parameter 'fdset-id' expects a non-negative value", e.getMessage());
        assertEquals(List.of(20), closed);
        assertEquals("", listed());
    }

    @Test
    void removedDescriptorsStayListedUntilTheGuestRuns() {
        sets.add(Optional.of(3L), Optional.empty(), descriptor(11));
        sets.add(Optional.of(3L), Optional.empty(), descriptor(12));
        sets.remove(3, Optional.empty(), false);
        sets.lastClientLeft(false);
        assertEquals("3: 11 12;", listed());
        assertTrue(closed.isEmpty());
        sets.remove(3, Optional.of(11L), true);
        assertEquals("", listed()); // both were marked removed before
        assertEquals(List.of(11, 12), closed);
    }

    @Test
    void theLastClientLeavingWhileTheGuestRunsEmptiesEverySet() {
        sets.add(Optional.empty(), Optional.empty(), descriptor(11));
        sets.add(Optional.of(7L), Optional.empty(), descriptor(12));
        sets.remove(7, Optional.of(12L), true);
        assertEquals("0: 11;", listed());
        sets.lastClientLeft(true);
        assertEquals("", listed());
        assertEquals(List.of(12, 11), closed);
    }

    @Test
    void removingWhatNoSetHasNamesItAsQemuDoes() {
        sets.add(Optional.of(5L), Optional.empty(), descriptor(14));
        assertEquals(
                "File descriptor named 'fdset-id:5, fd:3' not found",
                assertThrows(DescriptorException.class, () -> sets.remove(5, Optional.of(3L), true))
                        .getMessage());
        assertEquals(
                "File descriptor named 'fdset-id:1' not found",
                assertThrows(DescriptorException.class, () -> sets.remove(1, Optional.empty(), true))
                        .getMessage());
        assertEquals("5: 14;", listed());
    }
}
