package io.attain.command.web.request;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.attain.kernel.organisation.ChangeTeamManagerCommand;
import jakarta.validation.constraints.NotBlank;

import java.time.Instant;

/** {@code PUT /api/v1/teams/{teamId}/manager}. */
public record ManagerChangeRequest(
        @NotBlank(message = Rules.NOT_BLANK) @Size(max = Rules.ID_MAX, message = Rules.ID_RULE)
        @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
        String managerId,
        Instant occurredAt) {

    public ChangeTeamManagerCommand toCommand(String teamId) {
        return new ChangeTeamManagerCommand(teamId, managerId, occurredAt);
    }
}
