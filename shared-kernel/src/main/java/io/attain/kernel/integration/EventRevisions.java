package io.attain.kernel.integration;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where event types' revisions and upcasters are declared (issue 11, ADR 0011 "Evolution"). A type's current
 * revision is {@link EventType#revision()}, which is also its record's {@code @Revision} (what Axon's serializer writes
 * as the stored payload revision); a stored event keeps the revision it was written with forever, and every reader
 * brings it to the current revision with {@link #upcast}, one {@link EventUpcaster} step at a time.
 * <p>
 * Built once and immutable; {@link #of} checks the declarations: every upcaster belongs to a registered type, no two
 * steps read the same revision of a type, every step leads (step by step, without a cycle) to the type's current
 * revision, none reads the current one, and a type's revision equals its record's {@code @Revision} (when the
 * annotation is on the class path). The kernel's own steps are {@link #KERNEL}; an application adds types and steps by
 * configuration ({@link #of(Collection, Collection)}).
 * <p>
 * A stored revision of {@code null} (a record without {@code @Revision}) is revision {@code "1"}.
 */
public final class EventRevisions {

    /** The kernel records' upcasters, in no particular order. None yet: every kernel record is at revision 1. */
    public static final List<EventUpcaster> KERNEL = List.of();

    private static final String FIRST = "1";
    private static final String AXON_REVISION = "org.axonframework.serialization.Revision";
    private static final EventRevisions KERNEL_REVISIONS = of(List.of(), List.of());

    private final List<EventType> types;
    private final Map<String, EventType> byName = new LinkedHashMap<>();
    private final Map<String, EventType> byPayloadType = new LinkedHashMap<>();
    /** payload type → from revision → step */
    private final Map<String, Map<String, EventUpcaster>> steps = new LinkedHashMap<>();

    private EventRevisions(List<EventType> types, Collection<? extends EventUpcaster> upcasters) {
        this.types = List.copyOf(types);
        for (EventType t : this.types) {
            if (byName.put(t.name(), t) != null) {
                throw new IllegalStateException("Event type listed twice: " + t.name());
            }
            if (byPayloadType.put(t.eventClass().getName(), t) != null) {
                throw new IllegalStateException("Event record listed twice: " + t.eventClass().getName());
            }
            String annotated = annotatedRevision(t.eventClass());
            if (annotated != null && !annotated.equals(t.revision())) {
                throw new IllegalStateException(t.name() + ": revision " + t.revision() + " but " + t.eventClass()
                        .getName() + " is @Revision(\"" + annotated + "\"); they must be the same");
            }
        }
        for (EventUpcaster u : upcasters) {
            EventType type = byPayloadType.get(u.eventClass().getName());
            if (type == null) {
                throw new IllegalStateException(u + ": " + u.eventClass().getName() + " is not a registered event type");
            }
            if (u.fromRevision().equals(type.revision())) {
                throw new IllegalStateException(u + ": reads revision " + u.fromRevision() + ", the current revision of "
                                                        + type.name());
            }
            EventUpcaster before = steps.computeIfAbsent(type.eventClass().getName(), k -> new LinkedHashMap<>())
                                        .put(u.fromRevision(), u);
            if (before != null) {
                throw new IllegalStateException("Two upcasters read revision " + u.fromRevision() + " of " + type.name()
                                                        + ": " + before + " and " + u);
            }
        }
        for (Map.Entry<String, Map<String, EventUpcaster>> e : steps.entrySet()) {
            EventType type = byPayloadType.get(e.getKey());
            for (String from : e.getValue().keySet()) {
                Set<String> seen = new HashSet<>();
                String revision = from;
                while (!revision.equals(type.revision())) {
                    if (!seen.add(revision)) {
                        throw new IllegalStateException("The upcasters of " + type.name() + " go round in a circle at "
                                                                + "revision " + revision);
                    }
                    EventUpcaster step = e.getValue().get(revision);
                    if (step == null) {
                        throw new IllegalStateException("The upcasters of " + type.name() + " stop at revision "
                                + revision + ", not at its current revision " + type.revision());
                    }
                    revision = step.toRevision();
                }
            }
        }
    }

    /** The kernel's types ({@link EventTypes#all()}) and upcasters ({@link #KERNEL}). */
    public static EventRevisions kernel() {
        return KERNEL_REVISIONS;
    }

    /**
     * The kernel's types and upcasters plus {@code moreTypes} and {@code moreUpcasters} (an application's own, e.g.
     * declared by configuration).
     *
     * @throws IllegalStateException when the declarations do not hold together (see the class comment)
     */
    public static EventRevisions of(Collection<EventType> moreTypes, Collection<? extends EventUpcaster> moreUpcasters) {
        List<EventType> types = new ArrayList<>(EventTypes.all());
        types.addAll(moreTypes);
        List<EventUpcaster> upcasters = new ArrayList<>(KERNEL);
        upcasters.addAll(moreUpcasters);
        return new EventRevisions(types, upcasters);
    }

    /** Every registered type: the kernel's, then the added ones. */
    public List<EventType> types() {
        return types;
    }

    /** The type with this public name. */
    public Optional<EventType> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The type of a stored payload type (the record's class name). */
    public Optional<EventType> byPayloadType(String payloadType) {
        return Optional.ofNullable(payloadType == null ? null : byPayloadType.get(payloadType));
    }

    /** The current revision of a stored payload type, empty when the type is not registered. */
    public Optional<String> currentRevision(String payloadType) {
        return byPayloadType(payloadType).map(EventType::revision);
    }

    /** The revisions a stored payload of this type may have, oldest first by the chain, the current last. */
    public List<String> revisions(String payloadType) {
        EventType type = byPayloadType.get(payloadType);
        if (type == null) {
            return List.of();
        }
        Map<String, EventUpcaster> of = steps.getOrDefault(payloadType, Map.of());
        List<String> order = new ArrayList<>(of.keySet());
        // the longer the way to the current revision, the older
        order.sort((a, b) -> Integer.compare(distance(of, b, type.revision()), distance(of, a, type.revision())));
        order.add(type.revision());
        return Collections.unmodifiableList(order);
    }

    private static int distance(Map<String, EventUpcaster> of, String from, String current) {
        int n = 0;
        for (String r = from; !r.equals(current); r = of.get(r).toRevision()) {
            n++;
        }
        return n;
    }

    /**
     * Whether a stored payload of this type and revision is read as stored: its type is not registered (not an
     * event of the published language) or the revision is the type's current one.
     */
    public boolean isCurrent(String payloadType, String storedRevision) {
        EventType type = payloadType == null ? null : byPayloadType.get(payloadType);
        return type == null || type.revision().equals(normalise(storedRevision));
    }

    /**
     * A stored payload at its type's current revision: {@code payload} itself when {@link #isCurrent}, else the
     * upcasters applied in order from the stored revision, each to the previous one's result (on a deep copy: the
     * argument is not changed).
     *
     * @throws UnknownRevisionException when no upcaster reads a revision on the way (e.g. a revision written by a
     *                                  newer Attain)
     */
    public Upcast upcast(String payloadType, String storedRevision, Map<String, Object> payload) {
        Objects.requireNonNull(payload, "payload");
        String revision = normalise(storedRevision);
        EventType type = payloadType == null ? null : byPayloadType.get(payloadType);
        if (type == null || type.revision().equals(revision)) {
            return new Upcast(type == null ? storedRevision : revision, payload, false);
        }
        Map<String, EventUpcaster> of = steps.getOrDefault(payloadType, Map.of());
        Map<String, Object> current = copy(payload);
        while (!revision.equals(type.revision())) {
            EventUpcaster step = of.get(revision);
            if (step == null) {
                throw new UnknownRevisionException(payloadType, storedRevision, "A stored " + type.name() + " ("
                        + payloadType + ") at revision " + revision + " cannot be read: no upcaster reads revision "
                        + revision + "; known revisions " + revisions(payloadType) + ", current " + type.revision());
            }
            current = Objects.requireNonNull(step.upcast(current), () -> step + " returned null");
            revision = step.toRevision();
        }
        return new Upcast(revision, current, true);
    }

    private static String normalise(String revision) {
        return revision == null ? FIRST : revision;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>(map.size() * 2);
        map.forEach((k, v) -> copy.put(k, copyValue(v)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            return copy((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            l.forEach(x -> copy.add(copyValue(x)));
            return copy;
        }
        return v;
    }

    /** The {@code @Revision} of a record, read by name so that the kernel needs no Axon at run time. */
    private static String annotatedRevision(Class<?> eventClass) {
        for (Annotation a : eventClass.getAnnotations()) {
            if (a.annotationType().getName().equals(AXON_REVISION)) {
                try {
                    return String.valueOf(a.annotationType().getMethod("value").invoke(a));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot read @Revision of " + eventClass.getName(), e);
                }
            }
        }
        return null;
    }

    /**
     * A payload brought to its type's current revision.
     *
     * @param revision the revision of {@code payload} (the current one, unless the type is not registered)
     * @param payload  the payload
     * @param upcast   whether any upcaster was applied
     */
    public record Upcast(String revision, Map<String, Object> payload, boolean upcast) {
    }
}
