package io.attain.command.web.request;

import io.attain.kernel.organisation.ChangeTeamManagerCommand;
import jakarta.validation.constraints.NotBlank;

import java.time.Instant;

/** {@code PUT /api/v1/teams/{teamId}/manager}. */
public record ManagerChangeRequest(
        @NotBlank(message = Rules.NOT_BLANK) String managerId,
        Instant occurredAt) {

    public ChangeTeamManagerCommand toCommand(String teamId) {
        return new ChangeTeamManagerCommand(teamId, managerId, occurredAt);
    }
}
