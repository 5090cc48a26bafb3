package io.qapi.machine.pci;

/** Parses the {@code addr} property of a PCI device as QEMU does: "SLOT[.FN]" in hexadecimal. */
public final class PciAddress {
    private PciAddress() {}

    /**
     * Returns the devfn ({@code slot << 3 | fn}) the text names.
     *
     * @param deviceType the QOM type, for the error text
     * @param text the value as written
     * @throws PlacementException with QEMU's "Property 'TYPE.addr' doesn't take value 'TEXT'"
     */
    public static int parseDevfn(String deviceType, String text) throws PlacementException {
        int dot = text.indexOf('.');
        String slotText = dot < 0 ? text : text.substring(0, dot);
        String fnText = dot < 0 ? "0" : text.substring(dot + 1);
        Long slot = hex(slotText);
        Long fn = hex(fnText);
        if (slot == null || fn == null || slot > 31 || fn > 7) {
            throw new PlacementException("Property '" + deviceType + ".addr' doesn't take value '" + text + "'");
        }
        return (int) (slot << 3 | fn);
    }

    /**
     * Reads a hexadecimal number the way C's {@code %x} conversion does when the whole field must be
     * consumed: optional leading white space, optional sign, optional {@code 0x} prefix.
     */
    private static Long hex(String text) {
        String t = text.stripLeading();
        boolean negative = false;
        if (t.startsWith("+") || t.startsWith("-")) {
            negative = t.charAt(0) == '-';
            t = t.substring(1);
        }
        if ((t.startsWith("0x") || t.startsWith("0X")) && t.length() > 2) {
            t = t.substring(2);
        }
        if (t.isEmpty() || t.length() > 8 || !t.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return null;
        }
        long value = Long.parseLong(t, 16);
        // A negative value wraps to a huge unsigned number in C, which the range check rejects.
        return negative && value != 0 ? Long.MAX_VALUE : value;
    }
}
