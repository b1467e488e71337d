package io.attain.command.domain;

/**
 * The aggregate's current state does not allow the command: a closed deal, an offboarded rep, a
 * move to the stage the deal is already in (HTTP 409).
 */
public class IllegalTransitionException extends DomainRuleViolation {

    public IllegalTransitionException(String field, String rule) {
        super(field, rule);
    }
}
