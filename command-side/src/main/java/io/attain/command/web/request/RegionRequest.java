package io.attain.command.web.request;

import io.attain.kernel.organisation.CreateRegionCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;

/** {@code POST /api/v1/regions}; the region id is generated when not given. */
public record RegionRequest(
        @Pattern(regexp = Rules.SOME_TEXT, message = Rules.NOT_BLANK_WHEN_GIVEN) String regionId,
        @NotBlank(message = Rules.NOT_BLANK) String name,
        @NotBlank(message = Rules.NOT_BLANK) String managerId,
        Instant occurredAt) {

    public CreateRegionCommand toCommand(String regionId) {
        return new CreateRegionCommand(regionId, name, managerId, occurredAt);
    }
}
