package io.attain.command.web.request;

import jakarta.validation.constraints.Size;
import io.attain.kernel.organisation.CreateTeamCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;

/** {@code POST /api/v1/teams}; the team id is generated when not given. */
public record TeamRequest(
        @Size(max = Rules.ID_MAX, message = Rules.ID_RULE) @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
        String teamId,
        @NotBlank(message = Rules.NOT_BLANK) @Size(max = Rules.NAME_MAX, message = Rules.NAME_LENGTH_RULE)
        @Pattern(regexp = Rules.NO_CONTROL, message = Rules.NO_CONTROL_RULE)
        String name,
        @NotBlank(message = Rules.NOT_BLANK) @Size(max = Rules.ID_MAX, message = Rules.ID_RULE)
        @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
        String regionId,
        @NotBlank(message = Rules.NOT_BLANK) @Size(max = Rules.ID_MAX, message = Rules.ID_RULE)
        @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
        String managerId,
        Instant occurredAt) {

    public CreateTeamCommand toCommand(String teamId) {
        return new CreateTeamCommand(teamId, name, regionId, managerId, occurredAt);
    }
}
