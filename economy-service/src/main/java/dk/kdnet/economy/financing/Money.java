package dk.kdnet.economy.financing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Exact krone arithmetic shared by the calculation; charges themselves are whole kroner. */
final class Money {

    private static final MathContext QUOTIENT = new MathContext(64, RoundingMode.HALF_EVEN);

    // Every amount is a fraction whose denominator (populations, units, months, ratios) stays far
    // below 10^30, while quotients carry 64 digits. Settling at 30 decimals therefore restores the
    // true value, so a half krone reached as 1/3 + 1/6 = 0.4999... still rounds up like 0.5 does.
    private static final int SETTLED_SCALE = 30;

    private Money() {}

    static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        return dividend.divide(divisor, QUOTIENT);
    }

    static BigDecimal settle(BigDecimal value) {
        var settled = value.setScale(SETTLED_SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
        return settled.scale() < 0 ? settled.setScale(0) : settled;
    }

    static BigDecimal kroner(BigDecimal exact) {
        return settle(exact).setScale(0, RoundingMode.HALF_UP);
    }
}
