package io.attain.command.web.request;

import io.attain.kernel.organisation.CreateTeamCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;

/** {@code POST /api/v1/teams}; the team id is generated when not given. */
public record TeamRequest(
        @Pattern(regexp = Rules.SOME_TEXT, message = Rules.NOT_BLANK_WHEN_GIVEN) String teamId,
        @NotBlank(message = Rules.NOT_BLANK) String name,
        @NotBlank(message = Rules.NOT_BLANK) String regionId,
        @NotBlank(message = Rules.NOT_BLANK) String managerId,
        Instant occurredAt) {

    public CreateTeamCommand toCommand(String teamId) {
        return new CreateTeamCommand(teamId, name, regionId, managerId, occurredAt);
    }
}
