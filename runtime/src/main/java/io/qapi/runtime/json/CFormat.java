package io.qapi.runtime.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** C's {@code printf("%.17g")}, which QEMU uses for every floating-point number it writes. */
final class CFormat {
    private static final MathContext SEVENTEEN = new MathContext(17, RoundingMode.HALF_EVEN);

    private CFormat() {}

    static String g17(double value) {
        if (Double.isNaN(value)) {
            return Double.doubleToRawLongBits(value) < 0 ? "-nan" : "nan";
        }
        if (Double.isInfinite(value)) {
            return value < 0 ? "-inf" : "inf";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        // The exact binary value, rounded to 17 significant digits as glibc rounds it.
        BigDecimal rounded = new BigDecimal(value).round(SEVENTEEN);
        int exponent = rounded.precision() - rounded.scale() - 1;
        BigDecimal trimmed = rounded.stripTrailingZeros();
        if (exponent < -4 || exponent >= 17) {
            String digits = trimmed.unscaledValue().abs().toString();
            StringBuilder out = new StringBuilder(value < 0 ? "-" : "");
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            out.append(exponent < 0 ? "e-" : "e+");
            int magnitude = Math.abs(exponent);
            if (magnitude < 10) {
                out.append('0');
            }
            return out.append(magnitude).toString();
        }
        return trimmed.toPlainString();
    }
}
