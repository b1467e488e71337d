package io.attain.platform.security;

import io.attain.platform.problem.ProblemType;
import io.attain.platform.problem.ProblemWriter;
import io.attain.platform.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import java.util.List;

/** 401 and 403 as problem documents; a 401 also names the scheme in {@code WWW-Authenticate}. */
public final class ProblemSecurityHandlers {

    private ProblemSecurityHandlers() {
    }

    public static ServerAuthenticationEntryPoint entryPoint() {
        return (ServerWebExchange exchange, AuthenticationException e) -> {
            boolean tokenRejected = e instanceof OAuth2AuthenticationException;
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                    tokenRejected ? "Bearer error=\"invalid_token\"" : "Bearer");
            String detail = tokenRejected ? "The bearer token is not valid" : "A bearer token is required";
            return ProblemWriter.write(exchange, Problems.detail(ProblemType.UNAUTHORIZED, detail, List.of()));
        };
    }

    public static ServerAccessDeniedHandler accessDeniedHandler() {
        return (ServerWebExchange exchange, AccessDeniedException e) -> ProblemWriter.write(exchange,
                Problems.detail(ProblemType.FORBIDDEN, "Your role does not allow this request", List.of()));
    }

}
