package io.attain.command.domain.deal;

import io.attain.command.domain.BusinessTime;
import io.attain.command.domain.InvalidCommandException;
import io.attain.command.domain.organisation.Rep;
import io.attain.kernel.deal.CreditShare;
import io.attain.kernel.deal.OpenDealCommand;
import io.attain.kernel.deal.SplitDealCreditCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * The deal commands whose rules need other aggregates: the owner of a new deal and every rep of a
 * credit split must be existing reps, active at the command's business time. The reps are loaded
 * through Axon's repository and asked ({@link Rep#requireActiveAt}); the deal's own rules stay in
 * {@link Deal}. The business time is resolved once and handed to the deal, so the check and the
 * event use the same instant. Nothing is appended when a check fails.
 */
@Component
public class DealCommandHandler {

    private final Repository<Deal> deals;
    private final Repository<Rep> reps;

    public DealCommandHandler(Repository<Deal> deals, Repository<Rep> reps) {
        this.deals = deals;
        this.reps = reps;
    }

    /** @return the id of the new deal */
    @CommandHandler
    public String handle(OpenDealCommand command) throws Exception {
        Instant at = BusinessTime.orNow(command.occurredAt());
        requireActiveRep("ownerRepId", command.ownerRepId(), at);
        OpenDealCommand atBusinessTime = new OpenDealCommand(command.dealId(), command.ownerRepId(),
                command.customer(), command.productLine(), command.channel(), command.partnerId(), command.amount(),
                command.expectedCloseDate(), command.initialStage(), at);
        deals.newInstance(() -> new Deal(atBusinessTime));
        return command.dealId();
    }

    @CommandHandler
    public void handle(SplitDealCreditCommand command) {
        Aggregate<Deal> deal = deals.load(command.dealId());
        Instant at = BusinessTime.orNow(command.occurredAt());
        List<CreditShare> shares = command.shares();
        for (int i = 0; i < shares.size(); i++) {
            requireActiveRep("shares[" + i + "].repId", shares.get(i).repId(), at);
        }
        SplitDealCreditCommand atBusinessTime = new SplitDealCreditCommand(command.dealId(), shares, at);
        deal.execute(d -> d.handle(atBusinessTime));
    }

    private void requireActiveRep(String field, String repId, Instant at) {
        Aggregate<Rep> rep;
        try {
            rep = reps.load(repId);
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            // no stream under the id, or the stream of another aggregate type
            throw new InvalidCommandException(field, "no such rep");
        }
        rep.execute(r -> r.requireActiveAt(field, at));
    }
}
