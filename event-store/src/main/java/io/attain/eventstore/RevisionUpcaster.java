package io.attain.eventstore;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * The head of the engine's Axon upcaster chain: a stored event whose payload is not at its type's current revision
 * ({@link PayloadRevisions}) is read as the current revision, so that aggregates and projections see the same form as
 * the integration read. Lazy: the payload is parsed only when it is deserialised.
 */
final class RevisionUpcaster extends SingleEventUpcaster {

    private final Upcasting upcasting;

    RevisionUpcaster(Upcasting upcasting) {
        this.upcasting = upcasting;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        SerializedType type = representation.getType();
        return !upcasting.isCurrent(type.getName(), type.getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        SerializedType type = representation.getType();
        String current = upcasting.revisions().currentRevision(type.getName());
        return representation.upcastPayload(new SimpleSerializedType(type.getName(), current), String.class,
                                            json -> upcasting.upcastJson(type.getName(), type.getRevision(), json));
    }
}
