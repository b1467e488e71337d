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
 * rep id from {@code rep_id} or else {@code sub}, the team from {@code team_id}, an integrator's event categories from
 * {@code categories} (same forms as {@code roles}).
 */
public class JwtPrincipalConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    public static final String ROLES = "roles";
    public static final String REP_ID = "rep_id";
    public static final String TEAM_ID = "team_id";
    /** The event categories granted to an integrator (ADR 0011): a list, or one string separated by spaces or commas. */
    public static final String CATEGORIES = "categories";

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
        return new AttainPrincipal(subject, roles(jwt.getClaims().get(ROLES)), repId, jwt.getClaimAsString(TEAM_ID),
                                   names(jwt.getClaims().get(CATEGORIES)));
    }

    private static Set<String> names(Object claim) {
        Set<String> names = new java.util.LinkedHashSet<>();
        if (claim instanceof Collection<?> list) {
            list.forEach(name -> names.add(String.valueOf(name)));
        } else if (claim instanceof String text) {
            for (String name : text.split("[\\s,]+")) {
                names.add(name);
            }
        }
        return names;
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
