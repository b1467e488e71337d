package io.attain.command.domain.compensation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.attain.command.domain.BusinessTime;
import io.attain.command.domain.DuplicateException;
import io.attain.command.domain.IllegalTransitionException;
import io.attain.command.domain.InvalidCommandException;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Role;
import io.attain.kernel.compensation.AssignPlanCommand;
import io.attain.kernel.compensation.CommissionBand;
import io.attain.kernel.compensation.CreatePlanCommand;
import io.attain.kernel.compensation.PlanAssignedEvent;
import io.attain.kernel.compensation.PlanCreatedEvent;
import io.attain.kernel.compensation.PlanTerms;
import io.attain.kernel.compensation.PlanVersion;
import io.attain.kernel.compensation.PlanVersionPublishedEvent;
import io.attain.kernel.compensation.PublishPlanVersionCommand;
import io.attain.kernel.compensation.Spiff;
import io.attain.kernel.compensation.ThresholdBonus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A compensation plan: its published versions (effective-dated, immutable) and to whom it is
 * assigned.
 *
 * <p><b>Versions.</b> Version numbers count publications (1, 2, …). Effective dates strictly
 * increase; a version effective on or before the latest effective date is a <em>retroactive</em>
 * change, accepted only when the command says so and flagged in the event. Publishing never rewrites
 * an earlier version: on a business date the version in force is the highest-numbered version
 * effective on or before it ({@link #versionInForceOn}). Calculations made under the superseded
 * version are corrected by adjustments (the delta), not by rewriting them.
 *
 * <p><b>Assignments.</b> A plan is assigned to a rep or to a role from a date on. Whether a rep has
 * another plan at the same time is not checked here (it would need every plan).
 *
 * <p>Fields are visible to Jackson so that snapshots (Axon's JacksonSerializer) keep the whole state.
 */
@Aggregate(snapshotTriggerDefinition = "attainSnapshotTrigger", cache = "attainAggregateCache")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class CompensationPlan {

    @AggregateIdentifier
    private String planId;
    private String name;
    private List<PlanVersion> versions = new ArrayList<>();
    private List<Assignment> assignments = new ArrayList<>();

    /** An assignment of the plan: to a rep or to a role, from a date on. */
    record Assignment(String repId, Role role, LocalDate effectiveFrom) {
    }

    @CommandHandler
    public CompensationPlan(CreatePlanCommand command) {
        apply(new PlanCreatedEvent(command.planId(), command.name(), BusinessTime.orNow(command.occurredAt())));
    }

    @CommandHandler
    public void handle(PublishPlanVersionCommand command) {
        PlanTerms terms = command.terms();
        checkTerms(terms);
        LocalDate latest = versions.stream().map(v -> v.terms().effectiveFrom()).max(LocalDate::compareTo)
                .orElse(null);
        boolean retroactive = latest != null && !terms.effectiveFrom().isAfter(latest);
        if (retroactive && !command.retroactive()) {
            throw new InvalidCommandException("terms.effectiveFrom", "must be after " + latest
                    + ", the latest version's effective date, unless published as a retroactive change");
        }
        if (!retroactive && command.retroactive()) {
            throw new InvalidCommandException("retroactive",
                    "only for a version effective on or before the latest version's effective date");
        }
        apply(new PlanVersionPublishedEvent(planId, versions.size() + 1, terms, retroactive,
                BusinessTime.orNow(command.occurredAt())));
    }

    @CommandHandler
    public void handle(AssignPlanCommand command) {
        if ((command.repId() == null) == (command.role() == null)) {
            throw new InvalidCommandException("repId", "exactly one of repId and role is required");
        }
        if (versions.isEmpty()) {
            throw new IllegalTransitionException("planId", "plan has no published version");
        }
        Assignment assignment = new Assignment(command.repId(), command.role(), command.effectiveFrom());
        if (assignments.contains(assignment)) {
            throw new DuplicateException("effectiveFrom", "the plan is already assigned to this assignee from that date");
        }
        apply(new PlanAssignedEvent(planId, command.repId(), command.role(), command.effectiveFrom(),
                BusinessTime.orNow(command.occurredAt())));
    }

    /**
     * The version in force on a business date: the highest-numbered version effective on or before
     * it; empty before the first effective date.
     */
    public Optional<PlanVersion> versionInForceOn(LocalDate date) {
        return versionInForceOn(versions, date);
    }

    /**
     * The rule of {@link #versionInForceOn(LocalDate)} over a list of published versions (in publication order), for
     * processes that keep their own copy of a plan's versions.
     */
    public static Optional<PlanVersion> versionInForceOn(List<PlanVersion> versions, LocalDate date) {
        PlanVersion inForce = null;
        for (PlanVersion version : versions) {
            if (!version.terms().effectiveFrom().isAfter(date)) {
                inForce = version;
            }
        }
        return Optional.ofNullable(inForce);
    }

    /** A published version by number. */
    public Optional<PlanVersion> version(int number) {
        return number >= 1 && number <= versions.size() ? Optional.of(versions.get(number - 1)) : Optional.empty();
    }

    private static void checkTerms(PlanTerms terms) {
        if (terms.effectiveFrom() == null) {
            throw new InvalidCommandException("terms.effectiveFrom", "is required");
        }
        String currency = terms.currency();
        if (currency == null || currency.isBlank()) {
            throw new InvalidCommandException("terms.currency", "is required");
        }
        if (!Money.isIsoCurrency(currency)) {
            throw new InvalidCommandException("terms.currency", "must be an ISO 4217 currency code");
        }
        if (terms.basePay() != null) {
            checkMoney("terms.basePay", terms.basePay(), currency, true);
        }
        checkBands(terms.bands());
        if (terms.perDealCap() != null) {
            checkMoney("terms.perDealCap", terms.perDealCap(), currency, false);
        }
        if (terms.perPeriodCap() != null) {
            checkMoney("terms.perPeriodCap", terms.perPeriodCap(), currency, false);
        }
        Set<BigDecimal> thresholds = new HashSet<>();
        for (int i = 0; i < terms.thresholdBonuses().size(); i++) {
            ThresholdBonus bonus = terms.thresholdBonuses().get(i);
            String field = "terms.thresholdBonuses[" + i + "]";
            if (bonus.attainment() == null || bonus.attainment().signum() <= 0) {
                throw new InvalidCommandException(field + ".attainment", "must be positive");
            }
            if (bonus.amount() == null) {
                throw new InvalidCommandException(field + ".amount", "is required");
            }
            checkMoney(field + ".amount", bonus.amount(), currency, false);
            if (!thresholds.add(bonus.attainment().stripTrailingZeros())) {
                throw new InvalidCommandException(field + ".attainment", "each threshold may appear only once");
            }
        }
        Set<String> spiffIds = new HashSet<>();
        for (int i = 0; i < terms.spiffs().size(); i++) {
            checkSpiff("terms.spiffs[" + i + "]", terms.spiffs().get(i), currency, spiffIds);
        }
        if (terms.minimumDealSize() != null) {
            checkMoney("terms.minimumDealSize", terms.minimumDealSize(), currency, true);
        }
        if (terms.clawbackWindowDays() < 0) {
            throw new InvalidCommandException("terms.clawbackWindowDays", "must not be negative");
        }
        if (terms.rollUpToManagers() && (terms.rollUpRate() == null || terms.rollUpRate().signum() <= 0)) {
            throw new InvalidCommandException("terms.rollUpRate", "must be positive when rolling up to managers");
        }
        if (!terms.rollUpToManagers() && terms.rollUpRate() != null) {
            throw new InvalidCommandException("terms.rollUpRate", "is only allowed when rolling up to managers");
        }
    }

    /** Bands start at 0, are contiguous and non-overlapping, only the last is (and must be) open-ended. */
    private static void checkBands(List<CommissionBand> bands) {
        if (bands.isEmpty()) {
            throw new InvalidCommandException("terms.bands", "must not be empty");
        }
        for (int i = 0; i < bands.size(); i++) {
            CommissionBand band = bands.get(i);
            String field = "terms.bands[" + i + "]";
            if (band == null || band.fromAttainment() == null || band.rate() == null) {
                throw new InvalidCommandException(field, "fromAttainment and rate are required");
            }
            if (i == 0 && band.fromAttainment().signum() != 0) {
                throw new InvalidCommandException(field + ".fromAttainment", "the first band must start at 0");
            }
            if (i > 0 && band.fromAttainment().compareTo(bands.get(i - 1).toAttainment()) != 0) {
                throw new InvalidCommandException(field + ".fromAttainment",
                        "must equal the previous band's toAttainment (bands are contiguous and do not overlap)");
            }
            boolean last = i == bands.size() - 1;
            if (band.toAttainment() == null && !last) {
                throw new InvalidCommandException(field + ".toAttainment", "only the last band may be open-ended");
            }
            if (band.toAttainment() != null && last) {
                throw new InvalidCommandException(field + ".toAttainment", "the last band must be open-ended");
            }
            if (band.toAttainment() != null && band.toAttainment().compareTo(band.fromAttainment()) <= 0) {
                throw new InvalidCommandException(field + ".toAttainment", "must be greater than fromAttainment");
            }
            if (band.rate().signum() < 0) {
                throw new InvalidCommandException(field + ".rate", "must not be negative");
            }
        }
    }

    private static void checkSpiff(String field, Spiff spiff, String currency, Set<String> spiffIds) {
        if (spiff.spiffId() == null || spiff.spiffId().isBlank()) {
            throw new InvalidCommandException(field + ".spiffId", "must not be blank");
        }
        if (!spiffIds.add(spiff.spiffId())) {
            throw new InvalidCommandException(field + ".spiffId", "each SPIFF id may appear only once");
        }
        if (spiff.productLine() == null && spiff.channel() == null) {
            throw new InvalidCommandException(field, "a product line or a channel is required");
        }
        if (spiff.validFrom() == null || spiff.validTo() == null) {
            throw new InvalidCommandException(field, "validFrom and validTo are required");
        }
        if (spiff.validTo().isBefore(spiff.validFrom())) {
            throw new InvalidCommandException(field + ".validTo", "must not be before validFrom");
        }
        if ((spiff.fixedAmount() == null) == (spiff.rate() == null)) {
            throw new InvalidCommandException(field, "exactly one of fixedAmount and rate is required");
        }
        if (spiff.fixedAmount() != null) {
            checkMoney(field + ".fixedAmount", spiff.fixedAmount(), currency, false);
        }
        if (spiff.rate() != null && spiff.rate().signum() <= 0) {
            throw new InvalidCommandException(field + ".rate", "must be positive");
        }
    }

    private static void checkMoney(String field, Money money, String currency, boolean zeroAllowed) {
        if (!money.currency().equals(currency)) {
            throw new InvalidCommandException(field, "must be in the plan's currency " + currency);
        }
        if (zeroAllowed ? money.signum() < 0 : money.signum() <= 0) {
            throw new InvalidCommandException(field, zeroAllowed ? "must not be negative" : "must be positive");
        }
    }

    @EventSourcingHandler
    void on(PlanCreatedEvent event) {
        planId = event.planId();
        name = event.name();
    }

    @EventSourcingHandler
    void on(PlanVersionPublishedEvent event) {
        versions.add(new PlanVersion(event.planId(), event.version(), event.terms()));
    }

    @EventSourcingHandler
    void on(PlanAssignedEvent event) {
        assignments.add(new Assignment(event.repId(), event.role(), event.effectiveFrom()));
    }

    protected CompensationPlan() {
        // Required by Axon
    }
}
