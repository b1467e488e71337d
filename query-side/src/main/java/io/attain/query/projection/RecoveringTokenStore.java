package io.attain.query.projection;

import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToRetrieveIdentifierException;

import java.util.List;
import java.util.Optional;

/**
 * The token store of one projection's processor: the shared store, plus roll-forward on claim. Whenever the
 * processor claims a segment ({@code fetchToken}), the projection's journal is checked; a batch that wrote documents
 * but never stored its token is applied again and its token stored, and the processor continues after that batch.
 * So no batch is ever delivered twice, whatever part of it had reached the read model.
 */
public final class RecoveringTokenStore implements TokenStore {

    private final TokenStore delegate;
    private final ProjectionStore store;

    public RecoveringTokenStore(TokenStore delegate, ProjectionStore store) {
        this.delegate = delegate;
        this.store = store;
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) throws UnableToClaimTokenException {
        return recover(processorName, segment, delegate.fetchToken(processorName, segment));
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) throws UnableToClaimTokenException {
        return recover(processorName, segment.getSegmentId(), delegate.fetchToken(processorName, segment));
    }

    private TrackingToken recover(String processorName, int segment, TrackingToken stored) {
        if (!processorName.equals(store.name())) {
            return stored;
        }
        TrackingToken token = stored;
        TrackingToken rolledForward = store.recover(segment, stored);
        if (rolledForward != null) {
            delegate.storeToken(rolledForward, processorName, segment);
            token = rolledForward;
        }
        store.claimed(token);
        return token;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        delegate.storeToken(token, processorName, segment);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        delegate.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        delegate.extendClaim(processorName, segment);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        delegate.releaseClaim(processorName, segment);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        delegate.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        delegate.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() throws UnableToRetrieveIdentifierException {
        return delegate.retrieveStorageIdentifier();
    }
}
