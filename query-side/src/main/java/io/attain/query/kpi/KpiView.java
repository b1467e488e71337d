package io.attain.query.kpi;

import java.math.BigDecimal;
import java.util.List;

/**
 * The KPIs of a period and cut, with every input (ADR 0016). Money answers are rounded to {@value #MONEY_SCALE}
 * decimals {@code HALF_EVEN}; retention and lifetime to {@value #RATIO_SCALE} decimals {@code HALF_EVEN}; sums and
 * conversions before that are exact.
 *
 * @param cut      {@code all}, {@code channel=<CHANNEL>} or {@code team=<teamId>}
 * @param currency the currency every figure is converted into ({@code null} when there is nothing to convert)
 */
public record KpiView(String period, String cut, String currency, Cac cac, Clv clv, String rounding) {

    public static final int MONEY_SCALE = 2;
    public static final int RATIO_SCALE = 6;
    public static final String ROUNDING = "money 2 decimals HALF_EVEN; retention and lifetime 6 decimals HALF_EVEN;"
            + " sums and conversions exact before rounding";

    /**
     * CAC = {@code costs} ÷ {@code newCustomers}. {@code value} is {@code null} when a rate is missing
     * ({@code missingRates}) or there is no new customer ({@code reason} says which).
     *
     * @param costs     the converted costs of the period and cut, or {@code null} when a rate is missing
     * @param costLines the recorded costs by recorded period and currency, each with its conversion
     */
    public record Cac(BigDecimal value, String currency, BigDecimal costs, long newCustomers,
                      List<CostLine> costLines, List<MissingRate> missingRates, String reason) {
    }

    /**
     * Costs recorded for {@code period} (the period asked or one inside it) in {@code currency}, converted on
     * {@code rateDate} (the period's last day) with the rate effective from {@code rateEffectiveFrom}; rate and
     * converted are {@code null} when no rate is in force on that date.
     */
    public record CostLine(String period, String currency, BigDecimal amount, String rateDate, BigDecimal rate,
                           String rateEffectiveFrom, BigDecimal converted) {
    }

    /** No rate {@code from → to} is recorded as effective on or before {@code date}. */
    public record MissingRate(String from, String to, String date) {
    }

    /**
     * CLV = {@code averageYearlyRevenue} × {@code expectedLifetimeYears}, over the {@code customers} acquired (first
     * won deal) by the period's end in the cut; {@code marginBasis} says that revenue stands for gross margin (no
     * cost prices are recorded). {@code value} is {@code null} with a {@code reason} when an input is missing.
     */
    public record Clv(BigDecimal value, String currency, String formula, BigDecimal averageYearlyRevenue,
                      BigDecimal expectedLifetimeYears, Retention retention, long customers, BigDecimal revenue,
                      long customerYears, String marginBasis, List<MissingRate> missingRates, String reason,
                      List<CustomerClv> perCustomer) {
    }

    /**
     * Observed retention: of the customers with a won deal in a year, the share with one in the next year too,
     * over every pair of consecutive years up to the period's year ({@code rate} = retained ÷ base).
     */
    public record Retention(BigDecimal rate, long retained, long base, List<YearRetention> years) {
    }

    /** Of {@code active} customers with a won deal in {@code year}, {@code retained} also had one the next year. */
    public record YearRetention(int year, long active, long retained) {
    }

    /**
     * One customer: won revenue (converted at each win's date) from its first won year through the period's year
     * ({@code yearsObserved} calendar years), its yearly average, and its CLV (average × expected lifetime).
     */
    public record CustomerClv(String customer, String firstWonDealId, String firstWonAt, String channel,
                              String teamId, BigDecimal revenue, int firstYear, int yearsObserved,
                              BigDecimal averageYearlyRevenue, BigDecimal value) {
    }
}
