package io.attain.kernel.integration;

import io.attain.kernel.deal.DealWonEvent;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventRevisionsTest {

    /** A test-only record at revision 3: revision 1 had {@code text}, 2 renamed it {@code body}, 3 split off {@code tags}. */
    @Revision("3")
    record Note(String noteId, String body, List<String> tags, List<String> history) {
    }

    static final EventType NOTE = new EventType("io.attain.test.note_written.v1", EventCategory.DEALS, Note.class, "3");

    /** rev 1 → 2: {@code text} renamed {@code body}. */
    static final EventUpcaster ONE_TO_TWO = EventUpcaster.of(Note.class, "1", "2", p -> {
        p.put("body", p.remove("text"));
        history(p).add("1->2");
        return p;
    });
    /** rev 2 → 3: {@code "#tag body"} split into tags and body. */
    static final EventUpcaster TWO_TO_THREE = EventUpcaster.of(Note.class, "2", "3", p -> {
        String body = (String) p.get("body");
        List<Object> tags = new ArrayList<>();
        while (body.startsWith("#")) {
            int space = body.indexOf(' ');
            tags.add(body.substring(1, space));
            body = body.substring(space + 1);
        }
        p.put("body", body);
        p.put("tags", tags);
        history(p).add("2->3");
        return p;
    });

    @SuppressWarnings("unchecked")
    private static List<Object> history(Map<String, Object> p) {
        return (List<Object>) p.computeIfAbsent("history", k -> new ArrayList<>());
    }

    private static Map<String, Object> revisionOne() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("noteId", "n-1");
        p.put("text", "#crm #q2 call back");
        return p;
    }

    @Test
    void aRevisionOnePayloadPassesEveryStepInOrderToTheCurrentRevision() {
        // declared out of order: the chain follows the revisions, not the declaration
        EventRevisions revisions = EventRevisions.of(List.of(NOTE), List.of(TWO_TO_THREE, ONE_TO_TWO));
        Map<String, Object> stored = revisionOne();

        EventRevisions.Upcast up = revisions.upcast(Note.class.getName(), "1", stored);

        assertThat(up.revision()).isEqualTo("3");
        assertThat(up.upcast()).isTrue();
        assertThat(up.payload()).containsEntry("noteId", "n-1").containsEntry("body", "call back")
                                .containsEntry("tags", List.of("crm", "q2"))
                                .containsEntry("history", List.of("1->2", "2->3")).doesNotContainKey("text");
        assertThat(stored).as("the stored payload is not changed").isEqualTo(revisionOne());
        assertThat(revisions.revisions(Note.class.getName())).containsExactly("1", "2", "3");
    }

    @Test
    void aRevisionTwoPayloadTakesOnlyTheLastStepAndTheCurrentRevisionNone() {
        EventRevisions revisions = EventRevisions.of(List.of(NOTE), List.of(ONE_TO_TWO, TWO_TO_THREE));
        Map<String, Object> two = new LinkedHashMap<>(Map.of("noteId", "n-2", "body", "#x hello"));

        assertThat(revisions.upcast(Note.class.getName(), "2", two).payload())
                .containsEntry("body", "hello").containsEntry("history", List.of("2->3"));
        Map<String, Object> three = Map.of("noteId", "n-3", "body", "hi", "tags", List.of());
        EventRevisions.Upcast current = revisions.upcast(Note.class.getName(), "3", three);
        assertThat(current.upcast()).isFalse();
        assertThat(current.payload()).isSameAs(three);
        assertThat(revisions.isCurrent(Note.class.getName(), "3")).isTrue();
        assertThat(revisions.isCurrent(Note.class.getName(), "1")).isFalse();
    }

    @Test
    void anUnknownRevisionIsRefusedNamingTypeRevisionAndTheKnownOnes() {
        EventRevisions revisions = EventRevisions.of(List.of(NOTE), List.of(ONE_TO_TWO, TWO_TO_THREE));
        for (String unknown : new String[]{"4", "0", "2b"}) {
            assertThatThrownBy(() -> revisions.upcast(Note.class.getName(), unknown, revisionOne()))
                    .isInstanceOf(UnknownRevisionException.class)
                    .hasMessageContaining("io.attain.test.note_written.v1")
                    .hasMessageContaining("revision " + unknown)
                    .hasMessageContaining("[1, 2, 3]");
        }
        // a record without @Revision is stored with none: that is revision 1
        assertThat(revisions.upcast(Note.class.getName(), null, revisionOne()).revision()).isEqualTo("3");
    }

    @Test
    void declarationsThatDoNotHoldTogetherAreRefusedWhenBuilt() {
        assertThatThrownBy(() -> EventRevisions.of(List.of(NOTE), List.of(ONE_TO_TWO)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stop at revision 2");
        assertThatThrownBy(() -> EventRevisions.of(List.of(NOTE), List.of(ONE_TO_TWO, TWO_TO_THREE,
                EventUpcaster.of(Note.class, "1", "3", p -> p))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Two upcasters read revision 1");
        assertThatThrownBy(() -> EventRevisions.of(List.of(NOTE), List.of(EventUpcaster.of(Note.class, "1", "2", p -> p),
                EventUpcaster.of(Note.class, "2", "1", p -> p))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("circle");
        assertThatThrownBy(() -> EventRevisions.of(List.of(NOTE), List.of(EventUpcaster.of(Note.class, "3", "4", p -> p))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("current revision");
        assertThatThrownBy(() -> EventRevisions.of(List.of(), List.of(ONE_TO_TWO)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a registered event type");
        assertThatThrownBy(() -> EventRevisions.of(List.of(new EventType("io.attain.test.note_written.v1",
                EventCategory.DEALS, Note.class, "2")), List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("@Revision(\"3\")");
        assertThatThrownBy(() -> EventRevisions.of(List.of(NOTE, NOTE), List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("twice");
    }

    @Test
    void theKernelsTypesAreAllAtTheirCurrentRevisionAndUnregisteredTypesAreReadAsStored() {
        EventRevisions kernel = EventRevisions.kernel();
        assertThat(kernel.types()).isEqualTo(EventTypes.all());
        assertThat(kernel.currentRevision(DealWonEvent.class.getName())).contains("1");
        assertThat(kernel.isCurrent(DealWonEvent.class.getName(), "1")).isTrue();
        Map<String, Object> any = Map.of("a", 1);
        assertThat(kernel.upcast("com.example.Unknown", "7", any).payload()).isSameAs(any);
        assertThat(kernel.isCurrent("com.example.Unknown", "7")).isTrue();
        assertThatThrownBy(() -> kernel.upcast(DealWonEvent.class.getName(), "2", any))
                .isInstanceOf(UnknownRevisionException.class);
    }
}
