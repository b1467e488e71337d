package io.attain.standalone.http;

import java.util.Map;

/** The bearer tokens of the test context, and the role each stands for. */
final class Tokens {

    static final String ADMIN = "it-admin-token-0123456789abcdef";
    static final String MANAGER_EAST = "it-manager-east-token";
    static final String REP_ANNA = "it-rep-anna-token";
    static final String REP_BORIS = "it-rep-boris-token";
    static final String FINANCE = "it-finance-token";
    static final String AUDITOR = "it-auditor-token";
    static final String INTEGRATOR = "it-integrator-token";

    /** One token per role; the MANAGER manages {@link World#TEAM_EAST}, the REP is {@link World#ANNA}. */
    static final Map<String, String> BY_ROLE = Map.of(
            "ADMIN", ADMIN,
            "MANAGER", MANAGER_EAST,
            "REP", REP_ANNA,
            "FINANCE", FINANCE,
            "AUDITOR", AUDITOR,
            "INTEGRATOR", INTEGRATOR);

    private Tokens() {
    }
}
