package dk.kdnet.economy.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

/** Amounts as Danish documents print them: 7.590.227 and -60.000; with øre 1.234,50. */
public final class Kroner {

    private Kroner() {}

    public static String format(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        var symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('-');
        var whole = amount.stripTrailingZeros().scale() <= 0;
        var format = new DecimalFormat(whole ? "#,##0" : "#,##0.00", symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount);
    }
}
