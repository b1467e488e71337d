package io.attain.command.domain.channel;

import io.attain.kernel.channel.AgreementVersion;
import io.attain.kernel.channel.Conversion;
import io.attain.kernel.channel.RebateCalculation;
import io.attain.kernel.channel.RebateDeal;
import io.attain.kernel.channel.RebateTier;
import io.attain.kernel.channel.RebateTierSlice;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Period;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Calculates a rebate line. Pure. Tiers are marginal: each tier's rate applies to the part of the period's revenue
 * inside {@code [fromRevenue, toRevenue)}; the deal's revenue occupies {@code [revenueBefore, revenueBefore +
 * revenue)}. All arithmetic is exact; the line is rounded once, at the end, HALF_EVEN to the currency's minor unit.
 */
public final class RebateCalculator {

    private RebateCalculator() {
    }

    /**
     * @param version       the agreement version in force on the deal's business date
     * @param period        the agreement period of the business date
     * @param deal          the deal (amount in its currency)
     * @param conversion    to the agreement's currency, or {@code null} if the deal is in it
     * @param revenueBefore the partner's revenue in the period before this deal, in the agreement's currency
     */
    public static RebateCalculation calculate(AgreementVersion version, Period period, RebateDeal deal,
                                              Conversion conversion, Money revenueBefore) {
        String currency = version.terms().currency();
        BigDecimal amount = deal.amount().amount();
        BigDecimal converted = conversion == null ? amount : amount.multiply(conversion.rate());
        Money revenue = new Money(converted, currency);
        Money after = revenueBefore.plus(revenue);
        List<RebateTierSlice> slices = new ArrayList<>();
        Money exact = Money.zero(currency);
        BigDecimal from = revenueBefore.amount();
        BigDecimal to = after.amount();
        for (RebateTier tier : version.terms().tiers()) {
            BigDecimal lo = from.max(tier.fromRevenue());
            BigDecimal hi = tier.toRevenue() == null ? to : to.min(tier.toRevenue());
            if (hi.compareTo(lo) <= 0) {
                continue;
            }
            Money part = new Money(hi.subtract(lo), currency);
            Money rebate = part.times(tier.rate());
            slices.add(new RebateTierSlice(tier.fromRevenue(), tier.toRevenue(), tier.rate(),
                    new Money(lo, currency), new Money(hi, currency), part, rebate));
            exact = exact.plus(rebate);
        }
        Money rounded = exact.rounded();
        return new RebateCalculation(version, currency, period, deal, conversion, revenue, revenueBefore, after,
                slices, exact, rounded, rounded.minus(exact));
    }
}
