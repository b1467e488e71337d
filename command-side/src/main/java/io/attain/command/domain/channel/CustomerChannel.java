package io.attain.command.domain.channel;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.attain.command.domain.BusinessTime;
import io.attain.command.domain.DuplicateException;
import io.attain.command.domain.IllegalTransitionException;
import io.attain.command.domain.InvalidCommandException;
import io.attain.kernel.channel.ChannelClaim;
import io.attain.kernel.channel.ChannelConflictRaisedEvent;
import io.attain.kernel.channel.ChannelConflictResolvedEvent;
import io.attain.kernel.channel.ChannelIds;
import io.attain.kernel.channel.ClaimCustomerCommand;
import io.attain.kernel.channel.CustomerClaimReleasedEvent;
import io.attain.kernel.channel.CustomerClaimResult;
import io.attain.kernel.channel.CustomerClaimedEvent;
import io.attain.kernel.channel.ReleaseCustomerClaimCommand;
import io.attain.kernel.channel.ResolveChannelConflictCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The channel claims on one customer ({@code customer:<customer>}), created by the first claim.
 *
 * <p>Every deal claims its customer for its claimant ({@link ChannelClaim#claimant()}: its partner, or its channel
 * without a partner, e.g. DIRECT) while it is open or won; a lost deal releases its claim. A claim by another
 * claimant than an active, not overruled claim raises a {@link ChannelConflictRaisedEvent} (or joins the open
 * conflict). A conflict is resolved once, naming the winning claim: the claims of other claimants are overruled
 * and stay so; the winner's claimant may go on claiming the customer without a new conflict.
 *
 * <p>Fields are visible to Jackson so that snapshots (Axon's JacksonSerializer) keep the whole state.
 */
@Aggregate(snapshotTriggerDefinition = "attainSnapshotTrigger", cache = "attainAggregateCache")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class CustomerChannel {

    @AggregateIdentifier
    private String customerChannelId;
    private String customer;
    /** Active claims by deal id. */
    private Map<String, ChannelClaim> active = new LinkedHashMap<>();
    /** Deals whose claims lost a conflict. */
    private List<String> overruled = new ArrayList<>();
    /** Conflicts in the order they were raised. */
    private List<Conflict> conflicts = new ArrayList<>();

    /** A conflict and its claims. */
    record Conflict(String conflictId, List<ChannelClaim> claims, boolean resolved) {
        Conflict {
            claims = List.copyOf(claims);
        }

        Conflict with(ChannelClaim claim) {
            List<ChannelClaim> more = new ArrayList<>(claims);
            more.add(claim);
            return new Conflict(conflictId, more, resolved);
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CustomerClaimResult handle(ClaimCustomerCommand command) {
        String expectedId = ChannelIds.customerChannelId(command.customer());
        if (!command.customerChannelId().equals(expectedId)) {
            throw new InvalidCommandException("customerChannelId", "must be " + expectedId);
        }
        ChannelClaim claim = command.claim();
        if (claim.dealId() == null || claim.dealId().isBlank()) {
            throw new InvalidCommandException("claim.dealId", "must not be blank");
        }
        if (claim.channel() == null) {
            throw new InvalidCommandException("claim.channel", "is required");
        }
        if (active.containsKey(claim.dealId())) {
            throw new DuplicateException("claim.dealId", "the deal already claims this customer");
        }
        var at = BusinessTime.orNow(command.occurredAt());
        Optional<Conflict> open = openConflict();
        if (open.isPresent()) {
            // every claim made while a conflict is open joins it: the resolution decides for it too
            apply(new CustomerClaimedEvent(customerChannelId, command.customer(), claim, open.get().conflictId(), at));
            return result(open.get().conflictId());
        }
        List<ChannelClaim> rivals = standing().stream()
                .filter(c -> !c.claimant().equals(claim.claimant())).toList();
        if (rivals.isEmpty()) {
            apply(new CustomerClaimedEvent(command.customerChannelId(), command.customer(), claim, null, at));
            return new CustomerClaimResult(null, List.of());
        }
        String conflictId = ChannelIds.conflictId(command.customer(), conflicts.size() + 1);
        List<ChannelClaim> claims = new ArrayList<>(standing());
        claims.add(claim);
        apply(new CustomerClaimedEvent(command.customerChannelId(), command.customer(), claim, conflictId, at));
        apply(new ChannelConflictRaisedEvent(conflictId, command.customerChannelId(), command.customer(), claims, at));
        return result(conflictId);
    }

    /** The conflict and its deals, as the applied events left it. */
    private CustomerClaimResult result(String conflictId) {
        return new CustomerClaimResult(conflictId, claimsOf(conflictId).stream().map(ChannelClaim::dealId).toList());
    }

    @CommandHandler
    public void handle(ReleaseCustomerClaimCommand command) {
        if (!active.containsKey(command.dealId())) {
            throw new IllegalTransitionException("dealId", "the deal has no active claim on this customer");
        }
        apply(new CustomerClaimReleasedEvent(customerChannelId, customer, command.dealId(), command.reason(),
                BusinessTime.orNow(command.occurredAt())));
    }

    @CommandHandler
    public void handle(ResolveChannelConflictCommand command) {
        Conflict conflict = conflict(command.conflictId()).orElseThrow(() ->
                new InvalidCommandException("conflictId", "no such conflict of this customer"));
        if (conflict.resolved()) {
            throw new IllegalTransitionException("conflictId", "the conflict is already resolved");
        }
        ChannelClaim winner = conflict.claims().stream().filter(c -> c.dealId().equals(command.winningDealId()))
                .findFirst().orElseThrow(() -> new InvalidCommandException("winningDealId",
                        "must be the deal of one of the conflict's claims"));
        List<String> losers = conflict.claims().stream().filter(c -> !c.claimant().equals(winner.claimant()))
                .map(ChannelClaim::dealId).toList();
        apply(new ChannelConflictResolvedEvent(conflict.conflictId(), customerChannelId, customer, winner,
                conflict.claims(), losers, command.resolvedBy(), command.reason(),
                BusinessTime.orNow(command.occurredAt())));
    }

    /** The claims of a conflict (empty if there is no such conflict), e.g. for the authorization of a resolution. */
    public List<ChannelClaim> claimsOf(String conflictId) {
        return conflict(conflictId).map(Conflict::claims).orElse(List.of());
    }

    /** Active claims that were not overruled. */
    private List<ChannelClaim> standing() {
        return active.values().stream().filter(c -> !overruled.contains(c.dealId())).toList();
    }

    private Optional<Conflict> openConflict() {
        return conflicts.stream().filter(c -> !c.resolved()).findFirst();
    }

    private Optional<Conflict> conflict(String conflictId) {
        return conflicts.stream().filter(c -> c.conflictId().equals(conflictId)).findFirst();
    }

    @EventSourcingHandler
    void on(CustomerClaimedEvent event) {
        customerChannelId = event.customerChannelId();
        customer = event.customer();
        active.put(event.claim().dealId(), event.claim());
        overruled.remove(event.claim().dealId());
        if (event.conflictId() != null) {
            replace(event.conflictId(), c -> c.with(event.claim()));
        }
    }

    @EventSourcingHandler
    void on(ChannelConflictRaisedEvent event) {
        conflicts.add(new Conflict(event.conflictId(), event.claims(), false));
    }

    @EventSourcingHandler
    void on(CustomerClaimReleasedEvent event) {
        active.remove(event.dealId());
    }

    @EventSourcingHandler
    void on(ChannelConflictResolvedEvent event) {
        replace(event.conflictId(), c -> new Conflict(c.conflictId(), c.claims(), true));
        for (String dealId : event.overruled()) {
            if (!overruled.contains(dealId)) {
                overruled.add(dealId);
            }
        }
    }

    private void replace(String conflictId, java.util.function.UnaryOperator<Conflict> change) {
        conflicts.replaceAll(c -> c.conflictId().equals(conflictId) ? change.apply(c) : c);
    }

    protected CustomerChannel() {
        // Required by Axon (and the creation policy)
    }
}
