package io.attain.platform.security;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import reactor.core.publisher.Mono;

/** Authenticates {@code Authorization: Bearer <token>} against the {@link StaticTokens}. */
public class StaticTokenAuthenticationManager implements ReactiveAuthenticationManager {

    private final StaticTokens tokens;

    public StaticTokenAuthenticationManager(StaticTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof BearerTokenAuthenticationToken bearer)) {
            return Mono.empty();
        }
        return Mono.justOrEmpty(tokens.principal(bearer.getToken()))
                .<Authentication>map(AttainAuthentication::new)
                .switchIfEmpty(Mono.error(() -> new InvalidBearerTokenException("Unknown token")));
    }
}
