package io.qapi.machine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.runtime.api.QmpError;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetdevsTest {
    private static ObjectNode user(String id) {
        return JsonNodeFactory.instance.objectNode().put("type", "user").put("id", id);
    }

    private static String refusal(Runnable action) {
        return assertThrows(QmpError.class, action::run).desc();
    }

    @Test
    void keepsBackEndsInTheOrderMadeAndTellsThoseWithoutANic() {
        Netdevs netdevs =
                Netdevs.NONE.add(user("b")).add(user("a")).add(user("c")).connect("a", "/machine/peripheral/nic0");
        assertEquals(List.of("b", "a", "c"), List.copyOf(netdevs.byId().keySet()));
        assertEquals(List.of("b", "c"), netdevs.withoutPeer());
    }

    @Test
    void refusesAsQemuDoesInItsOrder() {
        assertEquals(
                "Parameter 'id' is missing", refusal(() -> Netdevs.NONE.add(JsonNodeFactory.instance.objectNode())));
        assertEquals(
                "Parameter 'type' is missing",
                refusal(() ->
                        Netdevs.NONE.add(JsonNodeFactory.instance.objectNode().put("id", "n"))));
        assertEquals(
                "Parameter 'type' does not accept value 'bogus'",
                refusal(() -> Netdevs.NONE.add(user("n").put("type", "bogus"))));
        assertEquals(
                "Parameter 'foo' is unexpected",
                refusal(() -> Netdevs.NONE.add(user("3x").put("foo", 1))));
        assertEquals("Parameter 'id' expects an identifier", refusal(() -> Netdevs.NONE.add(user("3x"))));
        assertEquals(
                "Duplicate ID 'n'", refusal(() -> Netdevs.NONE.add(user("n")).add(user("n"))));
    }

    @Test
    void refusesWhatItDoesNotModelRatherThanIgnoringIt() {
        assertEquals(
                "netdev type 'tap' is not modeled by qemu-model yet",
                refusal(() -> Netdevs.NONE.add(user("n").put("type", "tap"))));
        assertEquals(
                "netdev option 'hostfwd' is not modeled by qemu-model yet",
                refusal(() -> Netdevs.NONE.add(user("n").put("hostfwd", "tcp::5555-:22"))));
    }

    @Test
    void aNicTakesAnExistingFreeBackEnd() {
        Netdevs netdevs = Netdevs.NONE.add(user("n0"));
        assertEquals(
                "Property 'e1000.netdev' can't find value 'n1'",
                refusal(() -> netdevs.checkConnectable("e1000.netdev", "n1")));
        Netdevs used = netdevs.connect("n0", "/machine/peripheral/nic0");
        assertEquals(
                "Property 'e1000.netdev' can't take value 'n0', it's in use",
                refusal(() -> used.checkConnectable("e1000.netdev", "n0")));
    }

    @Test
    void deletesOnlyAFreeBackEndAndFreesItsId() {
        Netdevs netdevs = Netdevs.NONE.add(user("n0")).add(user("n1")).connect("n0", "/machine/peripheral/nic0");
        assertThrows(QmpError.class, () -> netdevs.delete("nope"));
        assertEquals(
                "netdev_del of 'n0', which the NIC /machine/peripheral/nic0 uses, is not modeled by qemu-model yet",
                refusal(() -> netdevs.delete("n0")));
        Netdevs fewer = netdevs.delete("n1");
        assertEquals(List.of("n0"), List.copyOf(fewer.byId().keySet()));
        assertEquals(
                List.of("n0", "n1"), List.copyOf(fewer.add(user("n1")).byId().keySet()));
    }
}
