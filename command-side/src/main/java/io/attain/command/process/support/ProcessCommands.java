package io.attain.command.process.support;

/**
 * How the commission process acts: sends a command and learns its outcome (a refusal by an aggregate rule is an
 * answer, not an error), and publishes its own events. Each command and event is stored on its own, before the
 * process records its state and its token (see ADR 0005).
 */
public interface ProcessCommands {

    /**
     * Sends the command and waits for it.
     *
     * @throws RuntimeException for anything but a business refusal (the event is then retried)
     */
    Outcome send(Object command);

    /** Publishes an event of the process (no aggregate) and waits until it is stored. */
    void publish(Object event);

    /**
     * What became of a command.
     *
     * @param result what the command handler returned when it succeeded (e.g. the outcome of a customer claim), or
     *               {@code null}
     */
    record Outcome(Kind kind, String field, String rule, Object result) {

        public Outcome(Kind kind, String field, String rule) {
            this(kind, field, rule, null);
        }

        /** Done, with the handler's result. */
        public static Outcome ok(Object result) {
            return new Outcome(Kind.OK, null, null, result);
        }

        public enum Kind {
            /** Done: its events are stored. */
            OK,
            /** Refused: what it would create exists (e.g. the line id). */
            DUPLICATE,
            /** Refused: the aggregate's state does not allow it (e.g. the statement is not open). */
            ILLEGAL_TRANSITION,
            /** Refused: a rule (e.g. outside the clawback window). */
            INVALID
        }

        public static final Outcome OK = new Outcome(Kind.OK, null, null);

        public boolean is(Kind kind, String field) {
            return this.kind == kind && (field == null || field.equals(this.field));
        }

        @Override
        public String toString() {
            return kind == Kind.OK ? "OK" : kind + " " + field + ": " + rule;
        }
    }
}
