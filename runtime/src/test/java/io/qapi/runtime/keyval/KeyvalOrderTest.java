package io.qapi.runtime.keyval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Members come out in the order QEMU's dictionaries iterate them, which is observable in QEMU's
 * output, in which error it reports first, and in which of two spellings of an index wins.
 */
class KeyvalOrderTest {
    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** QEMU 7.2 replies to query-status with status, singlestep, running: two share a bucket. */
    @Test
    void membersFollowQemusDictionaryOrder() {
        assertEquals(Dict.bucket("status"), Dict.bucket("singlestep"));
        assertEquals(
                List.of("status", "singlestep", "running"), names(Keyval.parse("running=a,singlestep=b,status=c")));
        // query-version's "qemu": {"micro": 22, "minor": 2, "major": 7}, written major first.
        assertEquals(List.of("micro", "minor", "major"), names(Keyval.parse("major=7,minor=2,micro=22")));
    }

    @Test
    void replacingAValueKeepsItsPlace() {
        // Newer members of a bucket come first; a replaced value is not new.
        assertEquals(List.of("singlestep", "status"), names(Keyval.parse("status=1,singlestep=2,status=3")));
        assertEquals(List.of("status", "singlestep"), names(Keyval.parse("singlestep=1,status=2,singlestep=3")));
    }

    @Test
    void anObjectOptionComesOutAsQemuHoldsIt() {
        assertEquals(
                List.of("qom-type", "size", "id"),
                names(Keyval.parse("memory-backend-ram,id=m0,size=512M", "qom-type")));
    }

    /** Dictionary order, not the order written, decides between 1 and 01 (01 comes later). */
    @Test
    void theIndexSpellingMetLastWins() {
        JsonNode expected = KeyvalTest.json("{'list': ['null', 'eins', 'zwei']}");
        assertEquals(expected, Keyval.parse("list.01=eins,list.1=goner,list.0=null,list.2=zwei"));
        assertEquals(expected, Keyval.parse("list.1=goner,list.01=eins,list.0=null,list.2=zwei"));
    }

    /** x sorts before y in QEMU's dictionary, so its fault is the one reported. */
    @Test
    void theFirstFaultInDictionaryOrderIsReported() {
        QmpErrors.assertGeneric("Parameter 'x.0' missing", () -> Keyval.parse("y.1=a,x.1=b"));
        QmpErrors.assertGeneric("Parameter 'x.0' missing", () -> Keyval.parse("x.1=b,y.1=a"));
        // A member's own fault comes before its parent's.
        QmpErrors.assertGeneric("Parameter 'p.q.0' missing", () -> Keyval.parse("p.q.1=a,p.0=b"));
    }
}
