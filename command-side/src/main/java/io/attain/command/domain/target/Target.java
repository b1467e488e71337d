package io.attain.command.domain.target;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.attain.kernel.common.Metric;
import io.attain.kernel.common.Period;
import io.attain.kernel.target.TargetAssignedEvent;
import io.attain.kernel.target.TargetRevisedEvent;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A target inside the aggregate that owns it (a {@code Rep} or a {@code Team}), identified by its
 * target id. The owner decides; the target only keeps its state.
 *
 * <p>Owners hold their targets as
 * {@code @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class) Map<String, Target>},
 * so a {@link TargetRevisedEvent} reaches only the target with the event's {@code targetId}.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Target {

    @EntityId
    private String targetId;
    private Period period;
    private Metric metric;
    private String productLine;
    private BigDecimal amount;

    /** Creates the target from the event that assigned it. */
    public Target(TargetAssignedEvent event) {
        this.targetId = event.targetId();
        this.period = event.period();
        this.metric = event.metric();
        this.productLine = event.productLine();
        this.amount = event.amount();
    }

    /** For serializers (snapshots). */
    protected Target() {
    }

    @EventSourcingHandler
    void on(TargetRevisedEvent event) {
        this.amount = event.amount();
    }

    public String targetId() {
        return targetId;
    }

    public Metric metric() {
        return metric;
    }

    public BigDecimal amount() {
        return amount;
    }

    /** {@code true} if this target is for the same period, metric and product line. */
    public boolean covers(Period period, Metric metric, String productLine) {
        return this.period.equals(period) && this.metric == metric && Objects.equals(this.productLine, productLine);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Target other
                && Objects.equals(targetId, other.targetId)
                && Objects.equals(period, other.period)
                && metric == other.metric
                && Objects.equals(productLine, other.productLine)
                && Objects.equals(amount, other.amount);
    }

    @Override
    public int hashCode() {
        return Objects.hash(targetId, period, metric, productLine, amount);
    }
}
