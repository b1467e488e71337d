package io.attain.command.domain.channel;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.attain.command.domain.BusinessTime;
import io.attain.command.domain.DuplicateException;
import io.attain.command.domain.IllegalTransitionException;
import io.attain.command.domain.InvalidCommandException;
import io.attain.kernel.channel.AccrueRebateCommand;
import io.attain.kernel.channel.AgreementTerms;
import io.attain.kernel.channel.AgreementVersion;
import io.attain.kernel.channel.AgreementVersionPublishedEvent;
import io.attain.kernel.channel.Conversion;
import io.attain.kernel.channel.PartnerKind;
import io.attain.kernel.channel.PartnerRegisteredEvent;
import io.attain.kernel.channel.PublishAgreementVersionCommand;
import io.attain.kernel.channel.RebateAccruedEvent;
import io.attain.kernel.channel.RebateCalculation;
import io.attain.kernel.channel.RebateDeal;
import io.attain.kernel.channel.RebateReversedEvent;
import io.attain.kernel.channel.RebateTier;
import io.attain.kernel.channel.RegisterPartnerCommand;
import io.attain.kernel.channel.ReverseRebateCommand;
import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Period;
import io.attain.kernel.common.PeriodUnit;
import io.attain.kernel.common.Stage;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A channel partner (distributor or agent): its agreement versions and its rebate lines.
 *
 * <p><b>Agreements.</b> Versions are signed with strictly increasing effective dates and never change; on a
 * business date the version effective latest on or before it is in force ({@link #versionInForceOn}). A new
 * version therefore never changes what was accrued under an earlier one.
 *
 * <p><b>Rebates.</b> A won deal in an indirect channel naming this partner accrues one line, calculated here
 * ({@link RebateCalculator}) with the version in force on the deal's business date and the partner's revenue of
 * the agreement period so far (accruals minus reversals, in the order they were booked). A deal has at most one
 * active line; a reversal takes back exactly what its line accrued, as a new line.
 *
 * <p>Fields are visible to Jackson so that snapshots (Axon's JacksonSerializer) keep the whole state.
 */
@Aggregate(snapshotTriggerDefinition = "attainSnapshotTrigger", cache = "attainAggregateCache")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Partner {

    @AggregateIdentifier
    private String partnerId;
    private String name;
    private PartnerKind kind;
    private List<AgreementVersion> versions = new ArrayList<>();
    /** Every line id booked (accruals and reversals). */
    private List<String> lineIds = new ArrayList<>();
    /** The active (unreversed) line of each deal. */
    private Map<String, ActiveLine> activeLines = new LinkedHashMap<>();
    /** Revenue per {@code <period>|<currency>} (accruals minus reversals). */
    private Map<String, BigDecimal> periodRevenue = new HashMap<>();

    /** A deal's accrued line that has not been reversed. */
    record ActiveLine(String lineId, RebateCalculation calculation) {
    }

    @CommandHandler
    public Partner(RegisterPartnerCommand command) {
        apply(new PartnerRegisteredEvent(command.partnerId(), command.name(), command.kind(),
                BusinessTime.orNow(command.occurredAt())));
    }

    @CommandHandler
    public void handle(PublishAgreementVersionCommand command) {
        AgreementTerms terms = command.terms();
        checkTerms(terms);
        Optional<LocalDate> latest = versions.stream().map(v -> v.terms().effectiveFrom()).max(LocalDate::compareTo);
        if (latest.isPresent() && !terms.effectiveFrom().isAfter(latest.get())) {
            throw new InvalidCommandException("terms.effectiveFrom", "must be after " + latest.get()
                    + ", the latest version's effective date (agreements are never changed retroactively)");
        }
        apply(new AgreementVersionPublishedEvent(partnerId, versions.size() + 1, terms,
                BusinessTime.orNow(command.occurredAt())));
    }

    @CommandHandler
    public void handle(AccrueRebateCommand command) {
        if (lineIds.contains(command.lineId())) {
            throw new DuplicateException("lineId", "a line with this id is already booked");
        }
        RebateDeal deal = command.deal();
        if (deal.dealId() == null || deal.dealId().isBlank()) {
            throw new InvalidCommandException("deal.dealId", "must not be blank");
        }
        if (activeLines.containsKey(deal.dealId())) {
            throw new DuplicateException("deal.dealId", "the deal's rebate is already accrued (reverse it first)");
        }
        if (deal.stage() != Stage.WON) {
            throw new IllegalTransitionException("deal.stage", "a rebate needs a won deal");
        }
        if (deal.channel() == null || deal.channel() == Channel.DIRECT) {
            throw new InvalidCommandException("deal.channel", "a rebate needs an indirect deal");
        }
        if (deal.channel().requiresPartner() && deal.channel() != kind.channel()) {
            throw new InvalidCommandException("deal.channel", "must be " + kind.channel() + " for a " + kind
                    + " partner");
        }
        if (!partnerId.equals(deal.partnerId())) {
            throw new InvalidCommandException("deal.partnerId", "the deal is not with partner " + partnerId);
        }
        if (deal.amount() == null || deal.businessDate() == null) {
            throw new InvalidCommandException("deal", "amount and businessDate are required");
        }
        AgreementVersion version = versionInForceOn(deal.businessDate()).orElseThrow(() ->
                new InvalidCommandException("deal.businessDate", "no agreement version in force on "
                        + deal.businessDate()));
        String currency = version.terms().currency();
        Conversion conversion = command.conversion();
        if (deal.amount().currency().equals(currency)) {
            if (conversion != null) {
                throw new InvalidCommandException("conversion", "only for a deal in another currency than "
                        + currency);
            }
        } else {
            if (conversion == null) {
                throw new InvalidCommandException("conversion", "is required: the deal is in "
                        + deal.amount().currency() + ", the agreement in " + currency);
            }
            if (!deal.amount().currency().equals(conversion.fromCurrency())
                    || !currency.equals(conversion.toCurrency())) {
                throw new InvalidCommandException("conversion", "must convert " + deal.amount().currency()
                        + " to " + currency);
            }
            if (conversion.rate() == null || conversion.rate().signum() <= 0) {
                throw new InvalidCommandException("conversion.rate", "must be positive");
            }
            if (conversion.effectiveDate() == null || conversion.effectiveDate().isAfter(deal.businessDate())) {
                throw new InvalidCommandException("conversion.effectiveDate",
                        "must be on or before the deal's business date");
            }
        }
        Period period = periodOf(version.terms().period(), deal.businessDate());
        Money before = new Money(periodRevenue.getOrDefault(revenueKey(period, currency), BigDecimal.ZERO), currency);
        RebateCalculation calculation = RebateCalculator.calculate(version, period, deal, conversion, before);
        apply(new RebateAccruedEvent(partnerId, command.lineId(), deal.dealId(), calculation,
                command.sourceEventIds(), command.sourcePositions(), BusinessTime.orNow(command.occurredAt())));
    }

    @CommandHandler
    public void handle(ReverseRebateCommand command) {
        if (lineIds.contains(command.reversalLineId())) {
            throw new DuplicateException("reversalLineId", "a line with this id is already booked");
        }
        ActiveLine line = activeLines.get(command.dealId());
        if (line == null) {
            throw new IllegalTransitionException("dealId", "the deal has no accrued rebate to reverse");
        }
        RebateCalculation original = line.calculation();
        apply(new RebateReversedEvent(partnerId, command.reversalLineId(), line.lineId(), command.dealId(),
                original.period(), original, original.revenue().negate(), original.rebate().negate(),
                command.reason(), command.sourceEventIds(), command.sourcePositions(),
                BusinessTime.orNow(command.occurredAt())));
    }

    /** The version in force on a business date: the latest effective on or before it; empty before the first. */
    public Optional<AgreementVersion> versionInForceOn(LocalDate date) {
        return versionInForceOn(versions, date);
    }

    /** The rule of {@link #versionInForceOn(LocalDate)} over a list of versions, for processes keeping a copy. */
    public static Optional<AgreementVersion> versionInForceOn(List<AgreementVersion> versions, LocalDate date) {
        AgreementVersion inForce = null;
        for (AgreementVersion version : versions) {
            if (!version.terms().effectiveFrom().isAfter(date)) {
                inForce = version;
            }
        }
        return Optional.ofNullable(inForce);
    }

    /** The agreement period (UTC) of a business date. */
    public static Period periodOf(PeriodUnit unit, LocalDate date) {
        var instant = date.atStartOfDay(ZoneOffset.UTC).toInstant();
        return switch (unit) {
            case MONTH -> Period.monthOf(instant);
            case QUARTER -> Period.quarterOf(instant);
            case YEAR -> Period.yearOf(instant);
        };
    }

    private static String revenueKey(Period period, String currency) {
        return period + "|" + currency;
    }

    private static void checkTerms(AgreementTerms terms) {
        if (terms.effectiveFrom() == null) {
            throw new InvalidCommandException("terms.effectiveFrom", "is required");
        }
        if (terms.currency() == null || terms.currency().isBlank()) {
            throw new InvalidCommandException("terms.currency", "is required");
        }
        if (!Money.isIsoCurrency(terms.currency())) {
            throw new InvalidCommandException("terms.currency", "must be an ISO 4217 currency code");
        }
        if (terms.period() == null) {
            throw new InvalidCommandException("terms.period", "is required");
        }
        List<RebateTier> tiers = terms.tiers();
        if (tiers.isEmpty()) {
            throw new InvalidCommandException("terms.tiers", "must not be empty");
        }
        for (int i = 0; i < tiers.size(); i++) {
            RebateTier tier = tiers.get(i);
            String field = "terms.tiers[" + i + "]";
            if (tier == null || tier.fromRevenue() == null || tier.rate() == null) {
                throw new InvalidCommandException(field, "fromRevenue and rate are required");
            }
            if (i == 0 && tier.fromRevenue().signum() != 0) {
                throw new InvalidCommandException(field + ".fromRevenue", "the first tier must start at 0");
            }
            if (i > 0 && tier.fromRevenue().compareTo(tiers.get(i - 1).toRevenue()) != 0) {
                throw new InvalidCommandException(field + ".fromRevenue",
                        "must equal the previous tier's toRevenue (tiers are contiguous and do not overlap)");
            }
            boolean last = i == tiers.size() - 1;
            if (tier.toRevenue() == null && !last) {
                throw new InvalidCommandException(field + ".toRevenue", "only the last tier may be open-ended");
            }
            if (tier.toRevenue() != null && last) {
                throw new InvalidCommandException(field + ".toRevenue", "the last tier must be open-ended");
            }
            if (tier.toRevenue() != null && tier.toRevenue().compareTo(tier.fromRevenue()) <= 0) {
                throw new InvalidCommandException(field + ".toRevenue", "must be greater than fromRevenue");
            }
            if (tier.rate().signum() < 0 || tier.rate().compareTo(BigDecimal.ONE) > 0) {
                throw new InvalidCommandException(field + ".rate", "must be between 0 and 1");
            }
        }
    }

    @EventSourcingHandler
    void on(PartnerRegisteredEvent event) {
        partnerId = event.partnerId();
        name = event.name();
        kind = event.kind();
    }

    @EventSourcingHandler
    void on(AgreementVersionPublishedEvent event) {
        versions.add(new AgreementVersion(event.partnerId(), event.version(), event.terms()));
    }

    @EventSourcingHandler
    void on(RebateAccruedEvent event) {
        RebateCalculation calculation = event.calculation();
        lineIds.add(event.lineId());
        activeLines.put(event.dealId(), new ActiveLine(event.lineId(), calculation));
        periodRevenue.merge(revenueKey(calculation.period(), calculation.currency()),
                calculation.revenue().amount(), BigDecimal::add);
    }

    @EventSourcingHandler
    void on(RebateReversedEvent event) {
        lineIds.add(event.lineId());
        activeLines.remove(event.dealId());
        periodRevenue.merge(revenueKey(event.period(), event.revenue().currency()), event.revenue().amount(),
                BigDecimal::add);
    }

    protected Partner() {
        // Required by Axon
    }
}
