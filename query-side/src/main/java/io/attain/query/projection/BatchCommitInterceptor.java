package io.attain.query.projection;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Writes a projection's batch after its processor handled the last event of the batch — inside the unit of work's
 * execution, so before the processor stores its token (Axon stores the token in the first prepare-commit handler,
 * which runs before any registered later). A failure here rolls the unit of work back: the token is not stored.
 */
public final class BatchCommitInterceptor implements MessageHandlerInterceptor<EventMessage<?>> {

    private final Projection projection;
    private final String tokenKey;
    private final String segmentKey;

    public BatchCommitInterceptor(Projection projection) {
        this.projection = projection;
        // the resources Axon's pooled streaming processor puts into each batch's unit of work
        this.tokenKey = "Processor[" + projection.name() + "]/Token";
        this.segmentKey = "Processor[" + projection.name() + "]/SegmentId";
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        Object result = interceptorChain.proceed();
        boolean last = !(unitOfWork instanceof BatchingUnitOfWork<?> batching) || batching.isLastMessage();
        if (last) {
            Batch batch = projection.existingBatch(unitOfWork);
            if (batch != null) {
                UnitOfWork<?> root = unitOfWork.root();
                TrackingToken token = root.getResource(tokenKey);
                if (token == null && unitOfWork.getMessage() instanceof TrackedEventMessage<?> tracked) {
                    token = tracked.trackingToken();
                }
                Integer segment = root.getResource(segmentKey);
                batch.commit(segment == null ? 0 : segment, token);
            }
        }
        return result;
    }
}
