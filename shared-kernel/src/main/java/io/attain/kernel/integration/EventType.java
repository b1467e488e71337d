package io.attain.kernel.integration;

/**
 * The public identity of one event record: its stable, versioned type name ({@code io.attain.deal.won.v1}), its
 * category and its current revision (Axon's {@code @Revision} of the record). The name never changes when the Java
 * class is renamed or moved; a new revision that old consumers can still read keeps the name, a breaking change
 * would get a new name ({@code .v2}).
 *
 * @param name       the CloudEvents {@code type}
 * @param category   who may read it
 * @param eventClass the kernel record
 * @param revision   the record's current revision ({@code "1"} when the record has no {@code @Revision})
 */
public record EventType(String name, EventCategory category, Class<?> eventClass, String revision) {
}
