package io.attain.command.domain;

/**
 * A command broke a business rule of the domain.
 *
 * <p>Carries the command {@link #field()} at fault (or the aggregate id for conflicts with the
 * aggregate's state; {@code null} if no field applies) and the {@link #rule()} that was broken, a
 * short stable text such as {@code "must be positive"}. The message is {@code "field: rule"}, e.g.
 * {@code "amount: must be positive"}. The HTTP layer maps the subclasses to status codes.
 */
public abstract class DomainRuleViolation extends RuntimeException {

    private final String field;
    private final String rule;

    protected DomainRuleViolation(String field, String rule) {
        super(field == null ? rule : field + ": " + rule);
        this.field = field;
        this.rule = rule;
    }

    /** The command field at fault, or {@code null}. */
    public String field() {
        return field;
    }

    /** The broken rule, e.g. {@code "must be positive"}. */
    public String rule() {
        return rule;
    }
}
