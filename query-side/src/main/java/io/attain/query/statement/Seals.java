package io.attain.query.statement;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.Revision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Tamper evidence of locked statements (ADR 0006): the canonical serialisation of an event, its digest, and the
 * hash chain.
 *
 * <p>Canonical form of one event: a JSON object with exactly the fields {@code id}, {@code payload},
 * {@code position}, {@code revision}, {@code timestamp}, {@code type}, in that (alphabetical) order, no whitespace.
 * {@code payload} is the payload object written by {@link #CANONICAL} (properties sorted alphabetically at every
 * level, map entries by key, decimals plain as deserialised, instants and dates ISO-8601); {@code timestamp} is the
 * recording time ({@link Instant#toString()}); {@code type} the payload class name and {@code revision} its
 * {@link Revision} (or {@code null}), exactly as the commit document stores them.
 *
 * <p>Digest of an event: SHA-256 of its canonical form (UTF-8), lower-case hex. Chain: {@code h0} = the previous
 * seal's head of the same rep (or {@link #GENESIS}); {@code h(i) = SHA-256(h(i-1) + ":" + digest(i))}; the seal's
 * head is the last {@code h}.
 */
public final class Seals {

    /** The version of the canonical form and chain, stored in every seal. */
    public static final String ALGORITHM = "attain-seal-v1/sha-256";
    /** The chain's start for a rep's first seal. */
    public static final String GENESIS = "0".repeat(64);

    /** The one mapper of canonical payloads. */
    public static final JsonMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private Seals() {
    }

    /** The revision a payload class is stored with (Axon's annotation revision resolver), or {@code null}. */
    public static String revisionOf(Class<?> payloadType) {
        Revision revision = payloadType.getAnnotation(Revision.class);
        return revision == null ? null : revision.value();
    }

    /** The canonical form of one event. */
    public static String canonical(long position, String eventId, String type, String revision, Instant timestamp,
                                   Object payload) {
        try {
            return "{\"id\":" + CANONICAL.writeValueAsString(eventId)
                    + ",\"payload\":" + CANONICAL.writeValueAsString(payload)
                    + ",\"position\":" + position
                    + ",\"revision\":" + CANONICAL.writeValueAsString(revision)
                    + ",\"timestamp\":" + CANONICAL.writeValueAsString(timestamp.toString())
                    + ",\"type\":" + CANONICAL.writeValueAsString(type) + "}";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the canonical form of event " + eventId, e);
        }
    }

    /** The digest of one event's canonical form. */
    public static String digest(String canonical) {
        return sha256(canonical);
    }

    /** The next link of the chain. */
    public static String link(String previous, String digest) {
        return sha256(previous + ":" + digest);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                                         .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
