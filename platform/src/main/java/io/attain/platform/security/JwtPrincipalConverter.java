package io.attain.platform.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Maps a validated JWT to an {@link AttainAuthentication}: roles from the {@code roles} claim (a list,
 * or one string of names separated by spaces or commas; case-insensitive; unknown names ignored), the
 * rep id from {@code rep_id} or else {@code sub}, the team from {@code team_id}.
 */
public class JwtPrincipalConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    public static final String ROLES = "roles";
    public static final String REP_ID = "rep_id";
    public static final String TEAM_ID = "team_id";

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        return Mono.just(new AttainAuthentication(principal(jwt)));
    }

    public AttainPrincipal principal(Jwt jwt) {
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new InvalidBearerTokenException("The token has no subject");
        }
        String repId = jwt.hasClaim(REP_ID) ? jwt.getClaimAsString(REP_ID) : subject;
        return new AttainPrincipal(subject, roles(jwt.getClaims().get(ROLES)), repId, jwt.getClaimAsString(TEAM_ID));
    }

    private static Set<AttainRole> roles(Object claim) {
        Set<AttainRole> roles = EnumSet.noneOf(AttainRole.class);
        if (claim instanceof Collection<?> names) {
            names.forEach(name -> AttainRole.parse(String.valueOf(name)).ifPresent(roles::add));
        } else if (claim instanceof String names) {
            for (String name : names.split("[\\s,]+")) {
                AttainRole.parse(name).ifPresent(roles::add);
            }
        }
        return roles;
    }
}
