package io.attain.platform.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated {@link AttainPrincipal}, whichever way it authenticated (JWT or configured token).
 * Holds no credentials: the token is not kept after authentication.
 */
public class AttainAuthentication extends AbstractAuthenticationToken {

    private final AttainPrincipal principal;

    public AttainAuthentication(AttainPrincipal principal) {
        super(principal.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public AttainPrincipal getPrincipal() {
        return principal;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return principal.id();
    }
}
