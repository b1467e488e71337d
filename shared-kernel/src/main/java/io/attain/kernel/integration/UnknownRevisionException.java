package io.attain.kernel.integration;

/**
 * A stored payload's revision that {@link EventRevisions} cannot bring to the current revision of its type: no
 * upcaster reads it (a revision written by a newer Attain, or a missing upcaster). Refused rather than read wrongly.
 */
public class UnknownRevisionException extends IllegalArgumentException {

    private final String payloadType;
    private final String revision;

    public UnknownRevisionException(String payloadType, String revision, String message) {
        super(message);
        this.payloadType = payloadType;
        this.revision = revision;
    }

    public String payloadType() {
        return payloadType;
    }

    public String revision() {
        return revision;
    }
}
