package io.attain.standalone.evolution;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A test-only event type at revision 3, registered by {@link EvolutionTestConfiguration} (no production event is
 * changed to have something to upcast). Revision 1 stored the note as {@code text}; revision 2 renamed it
 * {@code body}; revision 3 split leading {@code #tags} of the body into {@code tags}.
 */
@Revision("3")
public record NoteWritten(String noteId, String body, List<String> tags) {
}
