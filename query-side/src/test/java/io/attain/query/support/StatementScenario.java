package io.attain.query.support;

import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Period;
import io.attain.kernel.compensation.AdjustmentKind;
import io.attain.kernel.compensation.AppliedCap;
import io.attain.kernel.compensation.ApproverRole;
import io.attain.kernel.compensation.BandSlice;
import io.attain.kernel.compensation.CapKind;
import io.attain.kernel.compensation.CommissionAccruedEvent;
import io.attain.kernel.compensation.CommissionAdjustedEvent;
import io.attain.kernel.compensation.CommissionBand;
import io.attain.kernel.compensation.CommissionCalculation;
import io.attain.kernel.compensation.CommissionClawedBackEvent;
import io.attain.kernel.compensation.CommissionPaidEvent;
import io.attain.kernel.compensation.CommissionStatementOpenedEvent;
import io.attain.kernel.compensation.CompensationIds;
import io.attain.kernel.compensation.DealFacts;
import io.attain.kernel.compensation.PlanTerms;
import io.attain.kernel.compensation.PlanVersion;
import io.attain.kernel.compensation.SpiffApplied;
import io.attain.kernel.compensation.StatementApprovedEvent;
import io.attain.kernel.compensation.StatementDisputeResolvedEvent;
import io.attain.kernel.compensation.StatementLineDisputedEvent;
import io.attain.kernel.compensation.StatementLockedEvent;
import io.attain.kernel.compensation.StatementSubmittedEvent;
import io.attain.kernel.compensation.ThresholdBonusCrossed;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Compensation events of whole statement lifecycles, as the command side's statement aggregate appends them: open,
 * accruals with a calculation (band slices, a cap, a SPIFF, a bonus, rounding), a clawback, an adjustment, a
 * dispute and its resolution, submit, approve, lock, payments.
 */
public final class StatementScenario {

    public static final String TYPE = "CommissionStatement";

    private StatementScenario() {
    }

    public static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    public static PlanVersion plan() {
        PlanTerms terms = new PlanTerms(LocalDate.parse("2017-01-01"), "EUR", eur("3000"),
                                        List.of(new CommissionBand(new BigDecimal("0"), new BigDecimal("1"),
                                                                   new BigDecimal("0.05")),
                                                new CommissionBand(new BigDecimal("1"), null, new BigDecimal("0.08"))),
                                        eur("5000"), null, List.of(), List.of(), null, 90, false, null);
        return new PlanVersion("plan-1", 1, terms);
    }

    /** A calculation of {@code credited} (EUR) on top of {@code before} against a target of 10000. */
    public static CommissionCalculation calculation(String dealId, LocalDate date, BigDecimal credited,
                                                    BigDecimal before) {
        BigDecimal target = new BigDecimal("10000");
        BigDecimal after = before.add(credited);
        BigDecimal firstTop = after.min(target);
        List<BandSlice> slices = new ArrayList<>();
        BigDecimal band = BigDecimal.ZERO;
        if (before.compareTo(target) < 0) {
            BigDecimal rev = firstTop.subtract(before);
            BigDecimal c = rev.multiply(new BigDecimal("0.05"));
            band = band.add(c);
            slices.add(new BandSlice(BigDecimal.ZERO, BigDecimal.ONE, new BigDecimal("0.05"), eur(before.toPlainString()),
                                     eur(firstTop.toPlainString()), eur(rev.toPlainString()), eur(c.toPlainString())));
        }
        if (after.compareTo(target) > 0) {
            BigDecimal from = before.max(target);
            BigDecimal rev = after.subtract(from);
            BigDecimal c = rev.multiply(new BigDecimal("0.08"));
            band = band.add(c);
            slices.add(new BandSlice(BigDecimal.ONE, null, new BigDecimal("0.08"), eur(from.toPlainString()),
                                     eur(after.toPlainString()), eur(rev.toPlainString()), eur(c.toPlainString())));
        }
        List<AppliedCap> caps = new ArrayList<>();
        BigDecimal capped = band;
        if (band.compareTo(new BigDecimal("400")) > 0) {
            capped = new BigDecimal("400");
            caps.add(new AppliedCap(CapKind.PER_DEAL, eur("400"), eur(band.toPlainString()), eur("400"),
                                    eur(band.subtract(capped).toPlainString())));
        }
        BigDecimal spiff = credited.multiply(new BigDecimal("0.0033"));
        List<ThresholdBonusCrossed> bonuses = before.compareTo(target) < 0 && after.compareTo(target) >= 0
                ? List.of(new ThresholdBonusCrossed(BigDecimal.ONE, eur("250"))) : List.of();
        BigDecimal exact = capped.add(spiff).add(bonuses.isEmpty() ? BigDecimal.ZERO : new BigDecimal("250"));
        Money total = eur(exact.toPlainString()).rounded();
        return new CommissionCalculation("plan-1", 1, "EUR",
                                         new DealFacts(dealId, "GTX Pro", Channel.DIRECT, date, eur(credited.toPlainString())),
                                         eur(credited.toPlainString()), eur(before.toPlainString()), eur("10000"),
                                         before.divide(target), after.divide(target), eur("0"), eur("0"),
                                         eur("0"), true, slices, eur(band.toPlainString()),
                                         List.of(new SpiffApplied("spiff-q2", eur(spiff.toPlainString()))), caps,
                                         eur(capped.add(spiff).toPlainString()), bonuses, eur(exact.toPlainString()),
                                         total, total.minus(eur(exact.toPlainString())), null);
    }

    /** The negated calculation (a clawback of {@code c}). */
    public static CommissionCalculation reversed(CommissionCalculation c) {
        List<BandSlice> slices = c.slices().stream().map(s -> new BandSlice(s.fromAttainment(), s.toAttainment(),
                s.rate(), s.revenueFrom(), s.revenueTo(), s.revenue().negate(), s.commission().negate())).toList();
        return new CommissionCalculation(c.planId(), c.planVersion(), c.currency(), c.deal(),
                                         c.creditedAmount().negate(), c.creditedRevenueBefore(), c.target(),
                                         c.attainmentAfter(), c.attainmentBefore(), c.creditedAmount(),
                                         c.bandCommission(), c.periodCommissionBefore(), true, slices,
                                         c.bandCommission().negate(),
                                         c.spiffs().stream().map(s -> new SpiffApplied(s.spiffId(), s.amount().negate())).toList(),
                                         List.of(), c.commissionBeforePeriodCap().negate(),
                                         c.bonuses().stream().map(b -> new ThresholdBonusCrossed(b.attainment(), b.amount().negate())).toList(),
                                         c.exactTotal().negate(), c.total().negate(), c.roundingDifference().negate(), null);
    }

    /** The events of one statement's whole lifecycle (open … paid), business times within the period's month. */
    public static List<Object> lifecycle(String repId, Period month, Random random, boolean full) {
        String id = CompensationIds.statementId(repId, month);
        LocalDate start = month.start();
        List<Object> events = new ArrayList<>();
        Instant t = start.plusDays(2).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().plusSeconds(36_000);
        events.add(new CommissionStatementOpenedEvent(id, repId, month, t));
        BigDecimal revenue = BigDecimal.ZERO;
        List<CommissionAccruedEvent> accruals = new ArrayList<>();
        int lines = 2 + random.nextInt(2);
        for (int i = 0; i < lines; i++) {
            String deal = repId + "-" + month + "-deal-" + i;
            BigDecimal credited = new BigDecimal(1000 + random.nextInt(9000) + "." + random.nextInt(100));
            CommissionCalculation c = calculation(deal, start.plusDays(2 + i), credited, revenue);
            revenue = revenue.add(credited);
            CommissionAccruedEvent accrued = new CommissionAccruedEvent(id, "acc:" + deal, repId, month, deal, plan(), c,
                                                                        List.of("src-" + deal), List.of(100L + i),
                                                                        t.plusSeconds(86_400L * i));
            accruals.add(accrued);
            events.add(accrued);
        }
        CommissionAccruedEvent first = accruals.get(0);
        events.add(new CommissionClawedBackEvent(id, "cb:" + first.dealId(), repId, first.lineId(), first.dealId(),
                                                 first.calculation().creditedAmount(), reversed(first.calculation()),
                                                 "deal reopened", List.of("src-reopen-" + first.dealId()),
                                                 List.of(200L), t.plusSeconds(86_400L * 5)));
        events.add(new CommissionAdjustedEvent(id, "adj:" + repId + ":" + month, repId, eur("-12.50"),
                                               AdjustmentKind.MANUAL, "parking fines", null, null, null,
                                               t.plusSeconds(86_400L * 6)));
        String line = accruals.get(1).lineId();
        events.add(new StatementLineDisputedEvent(id, "disp-1", repId, line, "rate too low", t.plusSeconds(86_400L * 7)));
        events.add(new StatementDisputeResolvedEvent(id, "disp-1", "mgr", true, eur("20"), "dispute:disp-1", null,
                                                     t.plusSeconds(86_400L * 8)));
        events.add(new CommissionAdjustedEvent(id, "dispute:disp-1", repId, eur("20"), AdjustmentKind.DISPUTE,
                                               "dispute disp-1 accepted", id, line, null, t.plusSeconds(86_400L * 8)));
        if (!full) {
            return events;
        }
        BigDecimal net = BigDecimal.ZERO;
        for (Object o : events) {
            if (o instanceof CommissionAccruedEvent a) {
                net = net.add(a.calculation().total().amount());
            } else if (o instanceof CommissionClawedBackEvent b) {
                net = net.add(b.calculation().total().amount());
            } else if (o instanceof CommissionAdjustedEvent a) {
                net = net.add(a.amount().amount());
            }
        }
        List<Money> totals = List.of(eur(net.toPlainString()));
        events.add(new StatementSubmittedEvent(id, repId, repId, totals, t.plusSeconds(86_400L * 20)));
        events.add(new StatementApprovedEvent(id, repId, "fin-1", ApproverRole.FINANCE, totals, t.plusSeconds(86_400L * 21)));
        events.add(new StatementLockedEvent(id, repId, "fin-1", t.plusSeconds(86_400L * 22)));
        BigDecimal part = net.divide(new BigDecimal("2")).setScale(2, java.math.RoundingMode.DOWN);
        events.add(new CommissionPaidEvent(id, repId, "batch-" + month + "-a", eur(part.toPlainString()),
                                           start.plusMonths(1).plusDays(4), false, t.plusSeconds(86_400L * 30)));
        events.add(new CommissionPaidEvent(id, repId, "batch-" + month + "-b", eur(net.subtract(part).toPlainString()),
                                           start.plusMonths(1).plusDays(19), true, t.plusSeconds(86_400L * 45)));
        return events;
    }

    /** Statements of {@code reps} reps over two months; the second month's stay open or only partly processed. */
    public static List<Scenario.Event> generate(long seed, int reps) {
        Random random = new Random(seed);
        List<Scenario.Event> out = new ArrayList<>();
        for (int r = 0; r < reps; r++) {
            String rep = "rep-" + r;
            for (Period month : List.of(Period.month(2017, 5), Period.month(2017, 6))) {
                boolean full = month.equals(Period.month(2017, 5)) || r % 2 == 0;
                String id = CompensationIds.statementId(rep, month);
                for (Object e : lifecycle(rep, month, random, full)) {
                    out.add(new Scenario.Event(TYPE, id, e));
                }
            }
        }
        return out;
    }
}
