package io.attain.bench;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Prints figures in the harness contract: one JSON object per line on standard output. */
public final class Figures {

    private final String scenario;
    private final PrintStream out;

    public Figures(String scenario, PrintStream out) {
        this.scenario = scenario;
        this.out = out;
    }

    public void print(String figure, double value, String unit) {
        String number = Double.isFinite(value)
                ? BigDecimal.valueOf(value).setScale(value >= 100 ? 0 : 3, RoundingMode.HALF_EVEN).stripTrailingZeros()
                            .toPlainString()
                : "null";
        out.printf(Locale.ROOT, "{\"scenario\": \"%s\", \"figure\": \"%s\", \"value\": %s, \"unit\": \"%s\"}%n",
                   scenario, figure, number, unit);
        out.flush();
    }

    public static double perSecond(long count, long nanos) {
        return nanos <= 0 ? Double.NaN : count * 1e9 / nanos;
    }
}
