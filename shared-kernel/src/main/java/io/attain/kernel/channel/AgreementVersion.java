package io.attain.kernel.channel;

/** A published, immutable version of a partner's agreement. */
public record AgreementVersion(
        String partnerId,
        int version,
        AgreementTerms terms) {
}
