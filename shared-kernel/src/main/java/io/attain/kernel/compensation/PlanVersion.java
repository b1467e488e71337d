package io.attain.kernel.compensation;

/**
 * A published version of a compensation plan: what a commission is calculated with.
 *
 * @param version 1, 2, … in the order of publication
 */
public record PlanVersion(String planId, int version, PlanTerms terms) {
}
