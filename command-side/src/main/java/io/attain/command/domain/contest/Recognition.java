package io.attain.command.domain.contest;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.attain.command.domain.BusinessTime;
import io.attain.command.domain.IllegalTransitionException;
import io.attain.kernel.contest.GrantRecognitionCommand;
import io.attain.kernel.contest.RecognitionGrantedEvent;
import io.attain.kernel.contest.RecognitionRevokedEvent;
import io.attain.kernel.contest.RevokeRecognitionCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An honorary title or badge granted to a rep outside a contest (e.g. "President's Club 2017"), with its reason. It
 * can be revoked once, with a reason; the grant is never erased (the history keeps both events). Granting is handled
 * by {@link ContestCommandHandler}, which first checks that the rep exists.
 */
@Aggregate(snapshotTriggerDefinition = "attainSnapshotTrigger", cache = "attainAggregateCache")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Recognition {

    @AggregateIdentifier
    private String recognitionId;
    private String repId;
    private boolean revoked;

    /** Grants the recognition; called by {@link ContestCommandHandler} once the rep is known to exist. */
    public Recognition(GrantRecognitionCommand command) {
        apply(new RecognitionGrantedEvent(command.recognitionId(), command.repId(), command.title(), command.reason(),
                command.grantedBy(), BusinessTime.orNow(command.occurredAt())));
    }

    @CommandHandler
    public void handle(RevokeRecognitionCommand command) {
        if (revoked) {
            throw new IllegalTransitionException("recognitionId", "recognition is already revoked");
        }
        apply(new RecognitionRevokedEvent(recognitionId, repId, command.reason(), command.revokedBy(),
                BusinessTime.orNow(command.occurredAt())));
    }

    /** The rep it was granted to. */
    public String repId() {
        return repId;
    }

    @EventSourcingHandler
    void on(RecognitionGrantedEvent event) {
        recognitionId = event.recognitionId();
        repId = event.repId();
    }

    @EventSourcingHandler
    void on(RecognitionRevokedEvent event) {
        revoked = true;
    }

    protected Recognition() {
        // Required by Axon
    }
}
