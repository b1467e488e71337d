package io.attain.query.dashboard;

import io.attain.platform.security.AttainPrincipal;
import io.attain.platform.security.AttainRole;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Set;

/**
 * {@code GET /api/v1/me}: who the token stands for — id, roles, rep and team — so that a client (the dashboard)
 * can choose what to offer. It decides nothing: every read still applies its own role rules.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class MeController {

    /** The principal as a client sees it; {@code repId}/{@code teamId} are {@code null} when not set. */
    public record Me(String id, List<String> roles, String repId, String teamId, Set<String> categories) {
    }

    @GetMapping("/me")
    public Mono<Me> me(@AuthenticationPrincipal AttainPrincipal principal) {
        List<String> roles = principal.roles().stream().map(AttainRole::name).sorted().toList();
        return Mono.just(new Me(principal.id(), roles, principal.repId(), principal.teamId(),
                                principal.categories()));
    }
}
