package io.attain.kernel.channel;

import java.util.List;

/**
 * What {@link ClaimCustomerCommand} answers: the open conflict the claim raised or joined ({@code null}: none) and
 * the deals of that conflict's claims, so that the sender learns about the conflict at once (its events follow in
 * the log, possibly after later events of the same deals).
 */
public record CustomerClaimResult(
        String conflictId,
        List<String> conflictDealIds) {

    public CustomerClaimResult {
        conflictDealIds = conflictDealIds == null ? List.of() : List.copyOf(conflictDealIds);
    }
}
