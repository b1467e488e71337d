package io.attain.standalone.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The documented sample plan ({@code docs/plans/sample-plan.json}) as the end-to-end test reads it, and the
 * commission of a rep's quarter computed from it <em>in test code</em>, from the plan's published rules (marginal
 * bands over the quarter's target, minimum deal size, per-deal cap, SPIFFs, per-period cap, threshold bonuses, one
 * HALF_EVEN rounding to cents per line), independently of the production calculator.
 */
record SamplePlan(String planId, BigDecimal quarterlyTarget, List<Band> bands, BigDecimal perDealCap,
                  BigDecimal perPeriodCap, List<Bonus> bonuses, List<Spiff> spiffs, BigDecimal minimumDealSize,
                  int clawbackWindowDays) {

    record Band(BigDecimal from, BigDecimal to, BigDecimal rate) {
    }

    record Bonus(BigDecimal attainment, BigDecimal amount) {
    }

    record Spiff(String productLine, LocalDate validFrom, LocalDate validTo, BigDecimal fixedAmount, BigDecimal rate) {
    }

    /** A won deal as the CSV has it. */
    record WonDeal(String dealId, String product, LocalDate closed, BigDecimal value) {
    }

    static Path file() {
        return CrmData.samplePlan();
    }

    static SamplePlan read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        JsonNode terms = root.get("terms");
        List<Band> bands = new ArrayList<>();
        for (JsonNode b : terms.path("bands")) {
            bands.add(new Band(b.get("fromAttainment").decimalValue(),
                               b.hasNonNull("toAttainment") ? b.get("toAttainment").decimalValue() : null,
                               b.get("rate").decimalValue()));
        }
        List<Bonus> bonuses = new ArrayList<>();
        for (JsonNode b : terms.path("thresholdBonuses")) {
            bonuses.add(new Bonus(b.get("attainment").decimalValue(), amount(b.get("amount"))));
        }
        List<Spiff> spiffs = new ArrayList<>();
        for (JsonNode s : terms.path("spiffs")) {
            if (s.hasNonNull("channel") && !"DIRECT".equals(s.get("channel").asText())) {
                continue;   // the import opens every deal DIRECT
            }
            spiffs.add(new Spiff(s.hasNonNull("productLine") ? s.get("productLine").asText() : null,
                                 LocalDate.parse(s.get("validFrom").asText()), LocalDate.parse(s.get("validTo").asText()),
                                 amount(s.get("fixedAmount")), s.hasNonNull("rate") ? s.get("rate").decimalValue() : null));
        }
        return new SamplePlan(root.get("planId").asText(), amount(root.get("quarterlyTarget")), bands,
                              amount(terms.get("perDealCap")), amount(terms.get("perPeriodCap")), bonuses, spiffs,
                              amount(terms.get("minimumDealSize")), terms.path("clawbackWindowDays").asInt());
    }

    private static BigDecimal amount(JsonNode money) {
        return money == null || money.isNull() ? null : money.get("amount").decimalValue();
    }

    /**
     * The rounded total of each line when the deals are booked onto one quarter's statement in this order (the
     * order matters only for deals below the minimum size, whose revenue counts but earns no band commission).
     */
    List<BigDecimal> lineTotals(List<WonDeal> inBookingOrder) {
        List<BigDecimal> totals = new ArrayList<>();
        BigDecimal revenue = BigDecimal.ZERO;          // the quarter's credited revenue before the line
        BigDecimal periodCommission = BigDecimal.ZERO; // bands (after the deal cap) and SPIFFs before the period cap
        for (WonDeal deal : inBookingOrder) {
            BigDecimal after = revenue.add(deal.value());
            boolean earns = minimumDealSize == null || deal.value().compareTo(minimumDealSize) >= 0;
            BigDecimal band = BigDecimal.ZERO;
            if (earns) {
                for (Band b : bands) {
                    BigDecimal low = revenue.max(b.from().multiply(quarterlyTarget));
                    BigDecimal high = b.to() == null ? after : after.min(b.to().multiply(quarterlyTarget));
                    if (low.compareTo(high) < 0) {
                        band = band.add(high.subtract(low).multiply(b.rate()));
                    }
                }
            }
            BigDecimal capped = perDealCap == null ? band : band.min(perDealCap);
            BigDecimal spiff = BigDecimal.ZERO;
            if (earns) {
                for (Spiff s : spiffs) {
                    boolean product = s.productLine() == null || same(s.productLine(), deal.product());
                    boolean date = !deal.closed().isBefore(s.validFrom()) && !deal.closed().isAfter(s.validTo());
                    if (product && date) {
                        spiff = spiff.add(s.fixedAmount() != null ? s.fixedAmount() : deal.value().multiply(s.rate()));
                    }
                }
            }
            BigDecimal x = capped.add(spiff);
            BigDecimal paid = perPeriodCap == null ? x
                    : perPeriodCap.min(periodCommission.add(x)).subtract(perPeriodCap.min(periodCommission));
            BigDecimal bonus = BigDecimal.ZERO;
            for (Bonus b : bonuses) {
                BigDecimal threshold = b.attainment().multiply(quarterlyTarget);
                if (revenue.compareTo(threshold) < 0 && after.compareTo(threshold) >= 0) {
                    bonus = bonus.add(b.amount());
                }
            }
            totals.add(paid.add(bonus).setScale(2, RoundingMode.HALF_EVEN));
            revenue = after;
            periodCommission = periodCommission.add(x);
        }
        return totals;
    }

    /** A product as the CSV spells it against the plan's product line (the import's normalisation: case, spaces). */
    private static boolean same(String productLine, String csvProduct) {
        return productLine.replaceAll("\\s", "").toLowerCase(Locale.ROOT)
                          .equals(csvProduct.replaceAll("\\s", "").toLowerCase(Locale.ROOT));
    }
}
