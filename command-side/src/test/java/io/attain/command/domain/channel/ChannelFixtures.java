package io.attain.command.domain.channel;

import io.attain.kernel.channel.AgreementTerms;
import io.attain.kernel.channel.AgreementVersion;
import io.attain.kernel.channel.Conversion;
import io.attain.kernel.channel.RebateDeal;
import io.attain.kernel.channel.RebateTier;
import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.PeriodUnit;
import io.attain.kernel.common.Stage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Shared figures of the channel tests. */
final class ChannelFixtures {

    static final String PARTNER = "acme-distribution";
    static final LocalDate JAN_1 = LocalDate.of(2017, 1, 1);
    static final LocalDate MAY_12 = LocalDate.of(2017, 5, 12);

    private ChannelFixtures() {
    }

    /**
     * The standard agreement: EUR, quarterly; revenue 0–100,000 at 2 %, 100,000–250,000 at 3.5 %, above 250,000
     * at 5 % (marginal).
     */
    static AgreementTerms terms(LocalDate from) {
        return new AgreementTerms(from, "EUR", PeriodUnit.QUARTER, List.of(
                new RebateTier(BigDecimal.ZERO, dec("100000"), dec("0.02")),
                new RebateTier(dec("100000"), dec("250000"), dec("0.035")),
                new RebateTier(dec("250000"), null, dec("0.05"))));
    }

    static AgreementTerms flat(LocalDate from, String rate) {
        return new AgreementTerms(from, "EUR", PeriodUnit.QUARTER,
                List.of(new RebateTier(BigDecimal.ZERO, null, dec(rate))));
    }

    static AgreementVersion version(int number, AgreementTerms terms) {
        return new AgreementVersion(PARTNER, number, terms);
    }

    static RebateDeal won(String dealId, Money amount, LocalDate date) {
        return new RebateDeal(dealId, "Globex", Channel.DISTRIBUTOR, PARTNER, Stage.WON, amount, date);
    }

    static Conversion usdToEur(String rate, LocalDate effective) {
        return new Conversion("USD", "EUR", dec(rate), effective);
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
