package io.attain.query.projection;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokensTest {

    private static GapAwareTrackingToken token(long index, Long... gaps) {
        return GapAwareTrackingToken.newInstance(index, List.of(gaps));
    }

    @Test
    void positionOfAnEventDeliveredInOrderIsTheNewIndex() {
        assertThat(Tokens.position(token(10), token(11))).isEqualTo(11);
        // positions 11 and 12 passed as gaps (held back), 13 delivered
        assertThat(Tokens.position(token(10), token(13, 11L, 12L))).isEqualTo(13);
        assertThat(Tokens.position(null, token(1))).isEqualTo(1);
    }

    @Test
    void positionOfALateEventIsTheGapItFilled() {
        assertThat(Tokens.position(token(13, 11L, 12L), token(13, 11L))).isEqualTo(12);
        // 11 was never written (tombstone) and removed together with the late 12
        assertThat(Tokens.position(token(13, 11L, 12L), token(13))).isEqualTo(12);
    }

    @Test
    void replayTokensAreUnwrapped() {
        TrackingToken replay = ReplayToken.createReplayToken(token(20), token(4));
        assertThat(Tokens.current(replay)).isEqualTo(token(4));
        assertThat(Tokens.position(replay, ReplayToken.createReplayToken(token(20), token(5)))).isEqualTo(5);
    }

    @Test
    void reachedNeedsTheIndexAndNoGapUpToThePosition() {
        assertThat(Tokens.reached(token(10), 10)).isTrue();
        assertThat(Tokens.reached(token(10), 11)).isFalse();
        assertThat(Tokens.reached(token(10, 7L), 8)).isFalse();
        assertThat(Tokens.reached(token(10, 9L), 8)).isTrue();
        assertThat(Tokens.reached(null, 1)).isFalse();
        assertThat(Tokens.reached(null, 0)).isTrue();
    }

    @Test
    void coversComparesUnwrappedPositions() {
        assertThat(Tokens.covers(token(12), token(11))).isTrue();
        assertThat(Tokens.covers(token(12, 8L), token(12))).isFalse();
        assertThat(Tokens.covers(ReplayToken.createReplayToken(token(20), token(3)), token(2))).isTrue();
        assertThat(Tokens.covers(token(5), ReplayToken.createReplayToken(token(20), token(6)))).isFalse();
        assertThat(Tokens.covers(null, token(1))).isFalse();
    }
}
