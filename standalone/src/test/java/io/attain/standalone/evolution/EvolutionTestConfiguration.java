package io.attain.standalone.evolution;

import io.attain.kernel.integration.EventCategory;
import io.attain.kernel.integration.EventType;
import io.attain.kernel.integration.EventUpcaster;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Bean;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Registers {@link NoteWritten}, its two upcasters and a projection of it, as an application would by configuration.
 * Not a {@code @Configuration}: the app scans {@code io.attain}, and only the test that names it as a source gets it.
 */
public class EvolutionTestConfiguration {

    public static final String TYPE = "io.attain.test.note_written.v1";

    @Bean
    EventType noteWrittenType() {
        return new EventType(TYPE, EventCategory.DEALS, NoteWritten.class, "3");
    }

    /** Revision 1 → 2: {@code text} is renamed {@code body}. */
    @Bean
    EventUpcaster noteWrittenOneToTwo() {
        return EventUpcaster.of(NoteWritten.class, "1", "2", p -> {
            p.put("body", p.remove("text"));
            return p;
        });
    }

    /** Revision 2 → 3: leading {@code #tags} of the body become {@code tags}. */
    @Bean
    EventUpcaster noteWrittenTwoToThree() {
        return EventUpcaster.of(NoteWritten.class, "2", "3", p -> {
            String body = (String) p.get("body");
            List<Object> tags = new ArrayList<>();
            while (body.startsWith("#") && body.indexOf(' ') > 0) {
                tags.add(body.substring(1, body.indexOf(' ')));
                body = body.substring(body.indexOf(' ') + 1);
            }
            p.put("body", body);
            p.put("tags", tags);
            return p;
        });
    }

    @Bean
    NoteProjection noteProjection() {
        return new NoteProjection();
    }

    /** A projection of notes: what its tracking processor handed it. */
    @ProcessingGroup("evolution-test-notes")
    public static class NoteProjection {
        public final List<NoteWritten> seen = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(NoteWritten event) {
            seen.add(event);
        }
    }
}
