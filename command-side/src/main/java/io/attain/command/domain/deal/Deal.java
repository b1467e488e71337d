package io.attain.command.domain.deal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.attain.command.domain.BusinessTime;
import io.attain.command.domain.IllegalTransitionException;
import io.attain.command.domain.InvalidCommandException;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Stage;
import io.attain.kernel.deal.AdvanceDealCommand;
import io.attain.kernel.deal.ChangeDealAmountCommand;
import io.attain.kernel.deal.CreditShare;
import io.attain.kernel.deal.DealAmountChangedEvent;
import io.attain.kernel.deal.DealCreditSplitEvent;
import io.attain.kernel.deal.DealLostEvent;
import io.attain.kernel.deal.DealOpenedEvent;
import io.attain.kernel.deal.DealReopenedEvent;
import io.attain.kernel.deal.DealStageChangedEvent;
import io.attain.kernel.deal.DealWonEvent;
import io.attain.kernel.deal.OpenDealCommand;
import io.attain.kernel.deal.ReopenDealCommand;
import io.attain.kernel.deal.SplitDealCreditCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A sales opportunity moving through LEAD → QUALIFIED → PROPOSAL → NEGOTIATION → WON | LOST.
 *
 * <p>An open deal may move forward (skipping stages), back to an earlier open stage (recorded as
 * {@code backward}) or be closed as WON or LOST. A closed deal changes only through
 * {@link ReopenDealCommand}.
 *
 * <p>Opening a deal and splitting its credit are handled by {@link DealCommandHandler}: it first asks
 * the owner rep (or the reps of the split) whether they are active at the business time, then calls
 * this aggregate. Who may change the deal is answered by {@link #involves(String)} and
 * {@link #ownerRepId()}.
 *
 * <p>{@code @Revision}: snapshots taken before the owner and the split reps were part of the state
 * are ignored (the deal is then rebuilt from its events).
 *
 * <p>Fields are visible to Jackson so that snapshots (Axon's JacksonSerializer) keep the whole state.
 */
@Aggregate(snapshotTriggerDefinition = "attainSnapshotTrigger", cache = "attainAggregateCache")
@Revision("1")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Deal {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @AggregateIdentifier
    private String dealId;
    private Stage stage;
    private Money amount;
    private String ownerRepId;
    /** The reps of the current credit split (empty if the credit was never split). */
    private Set<String> creditRepIds = new HashSet<>();

    /** Opens the deal; called by {@link DealCommandHandler} once the owner is known to be an active rep. */
    public Deal(OpenDealCommand command) {
        if (!command.amount().isPositive()) {
            throw new InvalidCommandException("amount", "must be positive");
        }
        if (command.channel().requiresPartner() && command.partnerId() == null) {
            throw new InvalidCommandException("partnerId", "is required for channel " + command.channel());
        }
        if (command.channel().forbidsPartner() && command.partnerId() != null) {
            throw new InvalidCommandException("partnerId", "is not allowed for channel " + command.channel());
        }
        Stage initialStage = command.initialStage() != null ? command.initialStage() : Stage.LEAD;
        if (initialStage.isClosed()) {
            throw new InvalidCommandException("initialStage", "must be an open stage");
        }
        apply(new DealOpenedEvent(command.dealId(), command.ownerRepId(), command.customer(),
                command.productLine(), command.channel(), command.partnerId(), command.amount(),
                command.expectedCloseDate(), initialStage, BusinessTime.orNow(command.occurredAt())));
    }

    @CommandHandler
    public void handle(AdvanceDealCommand command) {
        requireOpen();
        Stage to = command.toStage();
        if (to == stage) {
            throw new IllegalTransitionException("toStage", "must differ from the current stage");
        }
        if (command.finalAmount() != null && to != Stage.WON) {
            throw new InvalidCommandException("finalAmount", "is only allowed when the deal is won");
        }
        if (to == Stage.LOST && command.reason() == null) {
            throw new InvalidCommandException("reason", "is required when the deal is lost");
        }
        if (command.finalAmount() != null) {
            checkAmount("finalAmount", command.finalAmount());
        }
        Instant occurredAt = BusinessTime.orNow(command.occurredAt());
        switch (to) {
            case WON -> apply(new DealWonEvent(dealId, stage,
                    command.finalAmount() != null ? command.finalAmount() : amount, command.reason(), occurredAt));
            case LOST -> apply(new DealLostEvent(dealId, stage, command.reason(), occurredAt));
            default -> apply(new DealStageChangedEvent(dealId, stage, to, to.isBefore(stage), command.reason(),
                    occurredAt));
        }
    }

    @CommandHandler
    public void handle(ReopenDealCommand command) {
        if (stage.isOpen()) {
            throw new IllegalTransitionException("dealId", "deal is not closed");
        }
        Stage to = command.toStage() != null ? command.toStage() : Stage.NEGOTIATION;
        if (to.isClosed()) {
            throw new InvalidCommandException("toStage", "must be an open stage");
        }
        apply(new DealReopenedEvent(dealId, stage, to, command.reason(), BusinessTime.orNow(command.occurredAt())));
    }

    @CommandHandler
    public void handle(ChangeDealAmountCommand command) {
        requireOpen();
        checkAmount("amount", command.amount());
        if (command.amount().isSameAmountAs(amount)) {
            throw new InvalidCommandException("amount", "must differ from the current amount");
        }
        apply(new DealAmountChangedEvent(dealId, amount, command.amount(), BusinessTime.orNow(command.occurredAt())));
    }

    /** Splits the credit; called by {@link DealCommandHandler} once every rep is known to be active. */
    public void handle(SplitDealCreditCommand command) {
        requireOpen();
        List<CreditShare> shares = command.shares();
        if (shares.isEmpty()) {
            throw new InvalidCommandException("shares", "must not be empty");
        }
        Set<String> reps = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        for (CreditShare share : shares) {
            if (share.percentage().signum() <= 0) {
                throw new InvalidCommandException("shares", "each share must be positive");
            }
            if (!reps.add(share.repId())) {
                throw new InvalidCommandException("shares", "each rep may appear only once");
            }
            total = total.add(share.percentage());
        }
        if (total.compareTo(HUNDRED) != 0) {
            throw new InvalidCommandException("shares", "must sum to exactly 100");
        }
        apply(new DealCreditSplitEvent(dealId, shares, BusinessTime.orNow(command.occurredAt())));
    }

    /** The rep who owns the deal. */
    public String ownerRepId() {
        return ownerRepId;
    }

    /** {@code true} if the rep owns the deal or has a share in its current credit split. */
    public boolean involves(String repId) {
        return repId != null && (repId.equals(ownerRepId) || creditRepIds.contains(repId));
    }

    private void requireOpen() {
        if (stage.isClosed()) {
            throw new IllegalTransitionException("dealId", "deal is closed; only ReopenDeal can change it");
        }
    }

    private void checkAmount(String field, Money value) {
        if (!value.isPositive()) {
            throw new InvalidCommandException(field, "must be positive");
        }
        if (!value.hasSameCurrencyAs(amount)) {
            throw new InvalidCommandException(field, "must be in the currency of the deal");
        }
    }

    @EventSourcingHandler
    void on(DealOpenedEvent event) {
        dealId = event.dealId();
        ownerRepId = event.ownerRepId();
        stage = event.stage();
        amount = event.amount();
    }

    @EventSourcingHandler
    void on(DealCreditSplitEvent event) {
        creditRepIds = new HashSet<>();
        event.shares().forEach(share -> creditRepIds.add(share.repId()));
    }

    @EventSourcingHandler
    void on(DealStageChangedEvent event) {
        stage = event.toStage();
    }

    @EventSourcingHandler
    void on(DealWonEvent event) {
        stage = Stage.WON;
        amount = event.amount();
    }

    @EventSourcingHandler
    void on(DealLostEvent event) {
        stage = Stage.LOST;
    }

    @EventSourcingHandler
    void on(DealReopenedEvent event) {
        stage = event.toStage();
    }

    @EventSourcingHandler
    void on(DealAmountChangedEvent event) {
        amount = event.amount();
    }

    protected Deal() {
        // Required by Axon
    }
}
