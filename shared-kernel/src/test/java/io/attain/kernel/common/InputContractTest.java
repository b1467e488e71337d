package io.attain.kernel.common;

import io.attain.kernel.deal.AdvanceDealCommand;
import io.attain.kernel.deal.CreditShare;
import io.attain.kernel.deal.OpenDealCommand;
import io.attain.kernel.deal.SplitDealCreditCommand;
import io.attain.kernel.organisation.OnboardRepCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InputContractTest {

    // --- identifiers

    @ParameterizedTest
    @ValueSource(strings = {"d-1", "Anna Snelling", "O'Brien", "anna.snelling@example.com", "deal_2017.05",
            "ディール", "Zoë Müller", "Ñandú 7", "x", "नमस्ते"})
    void identifiersOfLettersDigitsSpacesAndPunctuationAreValid(String id) {
        assertThat(InputContract.identifier(id, "dealId")).isEqualTo(id);
        assertThat(InputContract.isIdentifier(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "a:b", "a%2F", "a\u0000", "ディール\u0000", "a\nb", "a\tb", "\u007f", "a\u0085b",
            " leading", "trailing ", "a#b", "a?b", "a\\b", "a+b", "a<b>", "a\"b", "a,b", "a;b", "a&b", "a*b"})
    void identifiersWithForbiddenCharactersAreRefusedNamingTheRule(String id) {
        assertThatIllegalArgumentException().isThrownBy(() -> InputContract.identifier(id, "dealId"))
                .withMessage("dealId: " + InputContract.ID_RULE);
        assertThat(InputContract.isIdentifier(id)).isFalse();
    }

    @Test
    void identifiersMayHave128CharactersButNot129() {
        assertThat(InputContract.identifier("a".repeat(128), "dealId")).hasSize(128);
        assertThatIllegalArgumentException().isThrownBy(() -> InputContract.identifier("a".repeat(129), "dealId"))
                .withMessage("dealId: " + InputContract.ID_RULE);
        assertThat(InputContract.ID_RULE).contains("128");
    }

    @Test
    void blankOrMissingIdentifiersAreRefusedAsBefore() {
        assertThatIllegalArgumentException().isThrownBy(() -> InputContract.identifier(" ", "dealId"))
                .withMessage("dealId: must not be blank");
        assertThatIllegalArgumentException().isThrownBy(() -> InputContract.identifier(null, "dealId"))
                .withMessage("dealId: must not be blank");
        assertThat(InputContract.optionalIdentifier(null, "partnerId")).isNull();
        assertThatIllegalArgumentException().isThrownBy(() -> InputContract.optionalIdentifier("", "partnerId"))
                .withMessage("partnerId: must not be blank when given");
        assertThatIllegalArgumentException().isThrownBy(() -> InputContract.optionalIdentifier("p/1", "partnerId"))
                .withMessage("partnerId: " + InputContract.ID_RULE);
    }

    // --- references, names, text

    @Test
    void referencesMayCarryColonsUpTo512Characters() {
        assertThat(InputContract.reference("statement:Anna Snelling:2017-Q2", "statementId"))
                .isEqualTo("statement:Anna Snelling:2017-Q2");
        assertThat(InputContract.reference("r".repeat(512), "statementId")).hasSize(512);
        assertThatIllegalArgumentException().isThrownBy(() -> InputContract.reference("r".repeat(513), "statementId"))
                .withMessage("statementId: must be at most 512 characters");
        assertThatIllegalArgumentException().isThrownBy(() -> InputContract.reference("a\u0001", "statementId"))
                .withMessage("statementId: must not contain control characters");
        assertThat(InputContract.optionalReference(null, "relatedLineId")).isNull();
    }

    @Test
    void namesMayHave200CharactersButNot201() {
        assertThat(InputContract.name("n".repeat(200), "customer")).hasSize(200);
        assertThatIllegalArgumentException().isThrownBy(() -> InputContract.name("n".repeat(201), "customer"))
                .withMessage("customer: must be at most 200 characters");
        assertThatIllegalArgumentException().isThrownBy(() -> InputContract.name("Acme\u0000", "customer"))
                .withMessage("customer: must not contain control characters");
        assertThatIllegalArgumentException().isThrownBy(() -> InputContract.name("  ", "customer"))
                .withMessage("customer: must not be blank");
        assertThat(InputContract.name("Acme / Söhne: 100 %", "customer")).isEqualTo("Acme / Söhne: 100 %");
        assertThat(InputContract.optionalName(null, "title")).isNull();
    }

    @Test
    void textMayHave2000CharactersButNot2001AndNoLineBreaks() {
        assertThat(InputContract.text("t".repeat(2000), "reason")).hasSize(2000);
        assertThatIllegalArgumentException().isThrownBy(() -> InputContract.text("t".repeat(2001), "reason"))
                .withMessage("reason: must be at most 2000 characters");
        assertThatIllegalArgumentException().isThrownBy(() -> InputContract.text("line\nbreak", "reason"))
                .withMessage("reason: must not contain control characters");
        assertThat(InputContract.optionalText(null, "reason")).isNull();
        assertThatIllegalArgumentException().isThrownBy(() -> InputContract.optionalText(" ", "reason"))
                .withMessage("reason: must not be blank when given");
    }

    // --- amounts

    @Test
    void amountsUpTo10To12InAbsoluteValue() {
        assertThat(InputContract.amount(new BigDecimal("1000000000000"), "amount"))
                .isEqualByComparingTo("1000000000000");
        assertThat(InputContract.amount(new BigDecimal("-1000000000000"), "amount"))
                .isEqualByComparingTo("-1000000000000");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> InputContract.amount(new BigDecimal("1000000000000.000001"), "amount"))
                .withMessage("amount: must be at most 10^12 in absolute value");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> InputContract.amount(new BigDecimal("-1000000000000.000001"), "amount"))
                .withMessage("amount: must be at most 10^12 in absolute value");
        assertThatIllegalArgumentException().isThrownBy(() -> InputContract.amount(new BigDecimal("1e300"), "amount"))
                .withMessage("amount: must be at most 10^12 in absolute value");
        assertThat(InputContract.amount(null, "amount")).isNull();
    }

    @Test
    void amountsHaveAtMostSixSignificantDecimalsAndAreNeverRounded() {
        assertThat(InputContract.amount(new BigDecimal("0.000001"), "amount")).isEqualTo(new BigDecimal("0.000001"));
        assertThat(InputContract.amount(new BigDecimal("1.50000000"), "amount"))
                .isEqualTo(new BigDecimal("1.50000000"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> InputContract.amount(new BigDecimal("0.0000001"), "amount"))
                .withMessage("amount: must have at most 6 decimals (nothing is rounded)");
        assertThatIllegalArgumentException().isThrownBy(() -> InputContract.amount(new BigDecimal("1e-300"), "amount"))
                .withMessage("amount: must have at most 6 decimals (nothing is rounded)");
    }

    @Test
    void exponentFormsWithinTheLimitsAreNormalisedToPlainDecimals() {
        BigDecimal normalised = InputContract.amount(new BigDecimal("1E+3"), "amount");
        assertThat(normalised.scale()).isZero();
        assertThat(normalised.toString()).isEqualTo("1000");
        Money money = InputContract.money(new Money(new BigDecimal("2.5E+2"), "EUR"), "amount");
        assertThat(money.amount().toString()).isEqualTo("250");
        Money plain = new Money(new BigDecimal("10.50"), "EUR");
        assertThat(InputContract.money(plain, "amount")).isSameAs(plain);
    }

    @Test
    void ratesHaveTheSameMaximumAndUpTo12Decimals() {
        assertThat(InputContract.rate(new BigDecimal("0.000000000001"), "rate")).isNotNull();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> InputContract.rate(new BigDecimal("0.0000000000001"), "rate"))
                .withMessage("rate: must have at most 12 decimals (nothing is rounded)");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> InputContract.rate(new BigDecimal("1000000000001"), "rate"))
                .withMessage("rate: must be at most 10^12 in absolute value");
    }

    // --- dates

    @Test
    void datesFrom1900To2200() {
        assertThat(InputContract.date(LocalDate.of(1900, 1, 1), "hireDate")).isNotNull();
        assertThat(InputContract.date(LocalDate.of(2200, 12, 31), "hireDate")).isNotNull();
        assertThatIllegalArgumentException().isThrownBy(() -> InputContract.date(LocalDate.of(1899, 12, 31), "hireDate"))
                .withMessage("hireDate: must be in the years 1900 to 2200");
        assertThatIllegalArgumentException().isThrownBy(() -> InputContract.date(LocalDate.of(2201, 1, 1), "hireDate"))
                .withMessage("hireDate: must be in the years 1900 to 2200");
        assertThat(InputContract.date(null, "expectedCloseDate")).isNull();
    }

    @Test
    void instantsFrom1900To2200InUtc() {
        assertThat(InputContract.instant(Instant.parse("1900-01-01T00:00:00Z"), "occurredAt")).isNotNull();
        assertThat(InputContract.instant(Instant.parse("2200-12-31T23:59:59.999999999Z"), "occurredAt")).isNotNull();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> InputContract.instant(Instant.parse("1899-12-31T23:59:59.999Z"), "occurredAt"))
                .withMessage("occurredAt: must be in the years 1900 to 2200");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> InputContract.instant(Instant.parse("2201-01-01T00:00:00Z"), "occurredAt"))
                .withMessage("occurredAt: must be in the years 1900 to 2200");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> InputContract.instant(Instant.parse("+99999-01-01T00:00:00Z"), "occurredAt"))
                .withMessage("occurredAt: must be in the years 1900 to 2200");
        assertThatIllegalArgumentException().isThrownBy(() -> InputContract.instant(Instant.MAX, "occurredAt"));
        assertThatIllegalArgumentException().isThrownBy(() -> InputContract.instant(Instant.MIN, "occurredAt"));
        assertThat(InputContract.instant(null, "occurredAt")).isNull();
    }

    @Test
    void periodsFrom1900To2200() {
        assertThat(InputContract.period(Period.parse("1900-01"), "period")).isNotNull();
        assertThat(InputContract.period(Period.parse("2200-Q4"), "period")).isNotNull();
        assertThatIllegalArgumentException().isThrownBy(() -> InputContract.period(Period.parse("1899"), "period"))
                .withMessage("period: must be in the years 1900 to 2200");
        assertThatIllegalArgumentException().isThrownBy(() -> InputContract.period(Period.parse("2201-01"), "period"))
                .withMessage("period: must be in the years 1900 to 2200");
    }

    // --- the commands enforce it

    @Test
    void commandsEnforceTheContractInTheirConstructors() {
        Money amount = Money.of("100", "EUR");
        assertThatIllegalArgumentException().isThrownBy(() -> new OpenDealCommand("a/b", "Anna Snelling", "Acme",
                        "GTX Pro", Channel.DIRECT, null, amount, null, null, null))
                .withMessageStartingWith("dealId: must be 1 to 128 characters");
        assertThatIllegalArgumentException().isThrownBy(() -> new OpenDealCommand("d-1", "Anna Snelling", "Acme",
                        "GTX Pro", Channel.DIRECT, null, Money.of("1e300", "EUR"), null, null, null))
                .withMessage("amount: must be at most 10^12 in absolute value");
        assertThatIllegalArgumentException().isThrownBy(() -> new OpenDealCommand("d-1", "Anna Snelling",
                        "c".repeat(10_000), "GTX Pro", Channel.DIRECT, null, amount, null, null, null))
                .withMessage("customer: must be at most 200 characters");
        assertThatIllegalArgumentException().isThrownBy(() -> new OpenDealCommand("d-1", "Anna Snelling", "Acme",
                        "GTX Pro", Channel.DIRECT, null, amount, null, null, Instant.parse("+99999-01-01T00:00:00Z")))
                .withMessage("occurredAt: must be in the years 1900 to 2200");
        assertThat(new OpenDealCommand("d-1", "Anna Snelling", "Acme", "GTX Pro", Channel.DIRECT, null,
                Money.of("1E+3", "EUR"), null, null, null).amount().amount().toString()).isEqualTo("1000");
        assertThatIllegalArgumentException().isThrownBy(() -> new AdvanceDealCommand("d-1", Stage.LOST,
                        "x\u0000", null, null))
                .withMessage("reason: must not contain control characters");
        assertThatIllegalArgumentException().isThrownBy(() -> new SplitDealCreditCommand("d-1",
                        List.of(new CreditShare("a", BigDecimal.TEN), new CreditShare("b:c", BigDecimal.TEN)), null))
                .withMessageStartingWith("shares[1].repId: must be 1 to 128");
        assertThatIllegalArgumentException().isThrownBy(() -> new OnboardRepCommand("Anna Snelling", "Anna",
                        Role.SALES_REP, "t-1", "m-1", LocalDate.of(1850, 1, 1), null))
                .withMessage("hireDate: must be in the years 1900 to 2200");
    }
}
