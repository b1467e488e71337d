package io.attain.kernel.integration;

import io.attain.kernel.activity.CallLoggedEvent;
import io.attain.kernel.activity.ProposalLoggedEvent;
import io.attain.kernel.activity.VisitLoggedEvent;
import io.attain.kernel.channel.AgreementVersionPublishedEvent;
import io.attain.kernel.channel.ChannelConflictRaisedEvent;
import io.attain.kernel.channel.ChannelConflictResolvedEvent;
import io.attain.kernel.channel.CustomerClaimReleasedEvent;
import io.attain.kernel.channel.CustomerClaimedEvent;
import io.attain.kernel.channel.PartnerRegisteredEvent;
import io.attain.kernel.channel.RebateAccruedEvent;
import io.attain.kernel.channel.RebatePendingEvent;
import io.attain.kernel.channel.RebatePendingResolvedEvent;
import io.attain.kernel.channel.RebateReversedEvent;
import io.attain.kernel.compensation.CommissionAccruedEvent;
import io.attain.kernel.compensation.CommissionAdjustedEvent;
import io.attain.kernel.compensation.CommissionClawedBackEvent;
import io.attain.kernel.compensation.CommissionPaidEvent;
import io.attain.kernel.compensation.CommissionPendingEvent;
import io.attain.kernel.compensation.CommissionPendingResolvedEvent;
import io.attain.kernel.compensation.CommissionStatementOpenedEvent;
import io.attain.kernel.compensation.ExchangeRateRecordedEvent;
import io.attain.kernel.compensation.PlanAssignedEvent;
import io.attain.kernel.compensation.PlanCreatedEvent;
import io.attain.kernel.compensation.PlanVersionPublishedEvent;
import io.attain.kernel.compensation.StatementApprovedEvent;
import io.attain.kernel.compensation.StatementDisputeResolvedEvent;
import io.attain.kernel.compensation.StatementLineDisputedEvent;
import io.attain.kernel.compensation.StatementLockedEvent;
import io.attain.kernel.compensation.StatementSubmittedEvent;
import io.attain.kernel.contest.ContestCancelledEvent;
import io.attain.kernel.contest.ContestClosedEvent;
import io.attain.kernel.contest.ContestLaunchedEvent;
import io.attain.kernel.contest.ContestParticipantAddedEvent;
import io.attain.kernel.contest.ContestParticipantRemovedEvent;
import io.attain.kernel.contest.ContestPrizeAwardedEvent;
import io.attain.kernel.contest.RecognitionGrantedEvent;
import io.attain.kernel.contest.RecognitionRevokedEvent;
import io.attain.kernel.cost.SalesCostCorrectedEvent;
import io.attain.kernel.cost.SalesCostRecordedEvent;
import io.attain.kernel.customer.CustomerProfileUpdatedEvent;
import io.attain.kernel.customer.CustomerRegisteredEvent;
import io.attain.kernel.customer.KeyAccountDesignatedEvent;
import io.attain.kernel.customer.KeyAccountRevokedEvent;
import io.attain.kernel.deal.DealAmountChangedEvent;
import io.attain.kernel.deal.DealCreditSplitEvent;
import io.attain.kernel.deal.DealLostEvent;
import io.attain.kernel.deal.DealOpenedEvent;
import io.attain.kernel.deal.DealReopenedEvent;
import io.attain.kernel.deal.DealStageChangedEvent;
import io.attain.kernel.deal.DealWonEvent;
import io.attain.kernel.organisation.RegionCreatedEvent;
import io.attain.kernel.organisation.RepOffboardedEvent;
import io.attain.kernel.organisation.RepOnboardedEvent;
import io.attain.kernel.organisation.RepTransferredEvent;
import io.attain.kernel.organisation.TeamCreatedEvent;
import io.attain.kernel.organisation.TeamManagerChangedEvent;
import io.attain.kernel.product.ProductLineRegisteredEvent;
import io.attain.kernel.target.TargetAssignedEvent;
import io.attain.kernel.target.TargetRevisedEvent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.attain.kernel.integration.EventCategory.ACTIVITIES;
import static io.attain.kernel.integration.EventCategory.COMPENSATION;
import static io.attain.kernel.integration.EventCategory.DEALS;
import static io.attain.kernel.integration.EventCategory.ORGANISATION;
import static io.attain.kernel.integration.EventCategory.TARGETS;

/**
 * The one registry of public event type names (issue 11, ADR 0011): every event record of the kernel, its stable
 * versioned name {@code io.attain.<subdomain>.<fact>.v1}, its {@link EventCategory} and its current revision.
 * The names are written out here, never derived from class names at run time, so renaming or moving a record does not
 * change what integrators see. {@code EventTypesTest} checks that every {@code *Event} record of the kernel is
 * listed exactly once, under a unique, well-formed name, with the revision its {@code @Revision} declares.
 * <p>
 * Categories: deals (deals, customers and key accounts, customer claims, channel conflicts, partners), activities, organisation (reps, teams,
 * regions, product lines), targets (targets, contests, recognition), compensation (commission lines, statements,
 * payments, plans, exchange rates, channel rebates and agreements, contest prizes, sales and marketing costs).
 */
public final class EventTypes {

    private static final List<EventType> ALL = List.of(
            type("io.attain.activity.call_logged.v1", ACTIVITIES, CallLoggedEvent.class, "1"),
            type("io.attain.activity.proposal_logged.v1", ACTIVITIES, ProposalLoggedEvent.class, "1"),
            type("io.attain.activity.visit_logged.v1", ACTIVITIES, VisitLoggedEvent.class, "1"),
            type("io.attain.channel.agreement_version_published.v1", COMPENSATION, AgreementVersionPublishedEvent.class, "1"),
            type("io.attain.channel.conflict_raised.v1", DEALS, ChannelConflictRaisedEvent.class, "1"),
            type("io.attain.channel.conflict_resolved.v1", DEALS, ChannelConflictResolvedEvent.class, "1"),
            type("io.attain.channel.customer_claim_released.v1", DEALS, CustomerClaimReleasedEvent.class, "1"),
            type("io.attain.channel.customer_claimed.v1", DEALS, CustomerClaimedEvent.class, "1"),
            type("io.attain.channel.partner_registered.v1", DEALS, PartnerRegisteredEvent.class, "1"),
            type("io.attain.channel.rebate_accrued.v1", COMPENSATION, RebateAccruedEvent.class, "1"),
            type("io.attain.channel.rebate_pending.v1", COMPENSATION, RebatePendingEvent.class, "1"),
            type("io.attain.channel.rebate_pending_resolved.v1", COMPENSATION, RebatePendingResolvedEvent.class, "1"),
            type("io.attain.channel.rebate_reversed.v1", COMPENSATION, RebateReversedEvent.class, "1"),
            type("io.attain.compensation.commission_accrued.v1", COMPENSATION, CommissionAccruedEvent.class, "1"),
            type("io.attain.compensation.commission_adjusted.v1", COMPENSATION, CommissionAdjustedEvent.class, "1"),
            type("io.attain.compensation.commission_clawed_back.v1", COMPENSATION, CommissionClawedBackEvent.class, "1"),
            type("io.attain.compensation.commission_paid.v1", COMPENSATION, CommissionPaidEvent.class, "1"),
            type("io.attain.compensation.commission_pending.v1", COMPENSATION, CommissionPendingEvent.class, "1"),
            type("io.attain.compensation.commission_pending_resolved.v1", COMPENSATION, CommissionPendingResolvedEvent.class, "1"),
            type("io.attain.compensation.commission_statement_opened.v1", COMPENSATION, CommissionStatementOpenedEvent.class, "1"),
            type("io.attain.compensation.exchange_rate_recorded.v1", COMPENSATION, ExchangeRateRecordedEvent.class, "1"),
            type("io.attain.compensation.plan_assigned.v1", COMPENSATION, PlanAssignedEvent.class, "1"),
            type("io.attain.compensation.plan_created.v1", COMPENSATION, PlanCreatedEvent.class, "1"),
            type("io.attain.compensation.plan_version_published.v1", COMPENSATION, PlanVersionPublishedEvent.class, "1"),
            type("io.attain.compensation.statement_approved.v1", COMPENSATION, StatementApprovedEvent.class, "1"),
            type("io.attain.compensation.statement_dispute_resolved.v1", COMPENSATION, StatementDisputeResolvedEvent.class, "1"),
            type("io.attain.compensation.statement_line_disputed.v1", COMPENSATION, StatementLineDisputedEvent.class, "1"),
            type("io.attain.compensation.statement_locked.v1", COMPENSATION, StatementLockedEvent.class, "1"),
            type("io.attain.compensation.statement_submitted.v1", COMPENSATION, StatementSubmittedEvent.class, "1"),
            type("io.attain.contest.cancelled.v1", TARGETS, ContestCancelledEvent.class, "1"),
            type("io.attain.contest.closed.v1", TARGETS, ContestClosedEvent.class, "1"),
            type("io.attain.contest.launched.v1", TARGETS, ContestLaunchedEvent.class, "1"),
            type("io.attain.contest.participant_added.v1", TARGETS, ContestParticipantAddedEvent.class, "1"),
            type("io.attain.contest.participant_removed.v1", TARGETS, ContestParticipantRemovedEvent.class, "1"),
            type("io.attain.contest.prize_awarded.v1", COMPENSATION, ContestPrizeAwardedEvent.class, "1"),
            type("io.attain.contest.recognition_granted.v1", TARGETS, RecognitionGrantedEvent.class, "1"),
            type("io.attain.contest.recognition_revoked.v1", TARGETS, RecognitionRevokedEvent.class, "1"),
            type("io.attain.cost.sales_cost_corrected.v1", COMPENSATION, SalesCostCorrectedEvent.class, "1"),
            type("io.attain.cost.sales_cost_recorded.v1", COMPENSATION, SalesCostRecordedEvent.class, "1"),
            type("io.attain.customer.key_account_designated.v1", DEALS, KeyAccountDesignatedEvent.class, "1"),
            type("io.attain.customer.key_account_revoked.v1", DEALS, KeyAccountRevokedEvent.class, "1"),
            type("io.attain.customer.profile_updated.v1", DEALS, CustomerProfileUpdatedEvent.class, "1"),
            type("io.attain.customer.registered.v1", DEALS, CustomerRegisteredEvent.class, "1"),
            type("io.attain.deal.amount_changed.v1", DEALS, DealAmountChangedEvent.class, "1"),
            type("io.attain.deal.credit_split.v1", DEALS, DealCreditSplitEvent.class, "1"),
            type("io.attain.deal.lost.v1", DEALS, DealLostEvent.class, "1"),
            type("io.attain.deal.opened.v1", DEALS, DealOpenedEvent.class, "1"),
            type("io.attain.deal.reopened.v1", DEALS, DealReopenedEvent.class, "1"),
            type("io.attain.deal.stage_changed.v1", DEALS, DealStageChangedEvent.class, "1"),
            type("io.attain.deal.won.v1", DEALS, DealWonEvent.class, "1"),
            type("io.attain.organisation.region_created.v1", ORGANISATION, RegionCreatedEvent.class, "1"),
            type("io.attain.organisation.rep_offboarded.v1", ORGANISATION, RepOffboardedEvent.class, "1"),
            type("io.attain.organisation.rep_onboarded.v1", ORGANISATION, RepOnboardedEvent.class, "1"),
            type("io.attain.organisation.rep_transferred.v1", ORGANISATION, RepTransferredEvent.class, "1"),
            type("io.attain.organisation.team_created.v1", ORGANISATION, TeamCreatedEvent.class, "1"),
            type("io.attain.organisation.team_manager_changed.v1", ORGANISATION, TeamManagerChangedEvent.class, "1"),
            type("io.attain.product.line_registered.v1", ORGANISATION, ProductLineRegisteredEvent.class, "1"),
            type("io.attain.target.assigned.v1", TARGETS, TargetAssignedEvent.class, "1"),
            type("io.attain.target.revised.v1", TARGETS, TargetRevisedEvent.class, "1"));

    private static final Map<String, EventType> BY_NAME = index(true);
    private static final Map<String, EventType> BY_CLASS_NAME = index(false);

    private EventTypes() {
    }

    private static EventType type(String name, EventCategory category, Class<?> eventClass, String revision) {
        return new EventType(name, category, eventClass, revision);
    }

    private static Map<String, EventType> index(boolean byName) {
        Map<String, EventType> map = new LinkedHashMap<>();
        for (EventType t : ALL) {
            String key = byName ? t.name() : t.eventClass().getName();
            if (map.put(key, t) != null) {
                throw new IllegalStateException("Event type listed twice: " + key);
            }
        }
        return Collections.unmodifiableMap(map);
    }

    /** Every event type, grouped by sub-domain. */
    public static List<EventType> all() {
        return ALL;
    }

    /** The type with this public name ({@code io.attain.deal.won.v1}). */
    public static Optional<EventType> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The type of this record class. */
    public static Optional<EventType> of(Class<?> eventClass) {
        return Optional.ofNullable(BY_CLASS_NAME.get(eventClass.getName()));
    }

    /** The type of a stored payload type, i.e. the record's fully qualified class name as the log stores it. */
    public static Optional<EventType> byPayloadType(String payloadType) {
        return Optional.ofNullable(BY_CLASS_NAME.get(payloadType));
    }
}
