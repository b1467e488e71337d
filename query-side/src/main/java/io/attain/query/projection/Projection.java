package io.attain.query.projection;

import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Base of Attain's projections: one class per read model and processing group, whose handlers change documents
 * through the {@link Batch} of the current unit of work. The batch is written once, at the end of the processor's
 * batch (see {@link BatchCommitInterceptor}); handlers never write to MongoDB themselves and take time only from the
 * events (business time {@code occurredAt}, and the message timestamp as recording time).
 */
public abstract class Projection {

    private final ProjectionStore store;
    private final String resourceKey;

    protected Projection(ProjectionStore store) {
        this.store = store;
        this.resourceKey = "attain.query.batch." + store.name();
    }

    public ProjectionStore store() {
        return store;
    }

    /** The processing group and processor name. */
    public String name() {
        return store.name();
    }

    /** The batch of the unit of work being processed. */
    protected Batch batch() {
        return batchOf(CurrentUnitOfWork.get());
    }

    Batch batchOf(UnitOfWork<?> unitOfWork) {
        return unitOfWork.root().getOrComputeResource(resourceKey, key -> store.newBatch());
    }

    /** A new batch for the unit of work, in place of any earlier one (a retried dead letter, ADR 0007). */
    Batch freshBatch(UnitOfWork<?> unitOfWork) {
        Batch batch = store.newBatch();
        unitOfWork.root().resources().put(resourceKey, batch);
        return batch;
    }

    Batch existingBatch(UnitOfWork<?> unitOfWork) {
        return unitOfWork.root().getResource(resourceKey);
    }

    /** Drops the read model (its collections, cache and journal) before a replay. */
    @ResetHandler
    public void reset() {
        store.reset();
    }
}
