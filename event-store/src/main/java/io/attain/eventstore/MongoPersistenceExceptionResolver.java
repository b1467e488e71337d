package io.attain.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Recognises MongoDB's duplicate-key errors (E11000), the signal of a lost optimistic-concurrency race or of a re-used
 * event identifier, and the engine's own refusal of an append that repeats an event id or sequence number.
 */
public final class MongoPersistenceExceptionResolver implements PersistenceExceptionResolver {

    static final int DUPLICATE_KEY = 11000;

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        Throwable t = exception;
        while (t != null) {
            if (t instanceof CommitRefusedException) {
                return isDuplicateKey(t); // its cause may report other commits' errors
            }
            if (isDuplicateKey(t)) {
                return true;
            }
            t = t.getCause();
        }
        return false;
    }

    static boolean isDuplicateKey(Throwable t) {
        if (t instanceof DuplicateEventException) {
            return true;
        }
        if (t instanceof CommitRefusedException e) {
            return ErrorCategory.fromErrorCode(e.code()) == ErrorCategory.DUPLICATE_KEY;
        }
        if (t instanceof MongoWriteException e) {
            return ErrorCategory.fromErrorCode(e.getError().getCode()) == ErrorCategory.DUPLICATE_KEY;
        }
        if (t instanceof MongoBulkWriteException e) {
            return e.getWriteErrors().stream()
                    .anyMatch(w -> ErrorCategory.fromErrorCode(w.getCode()) == ErrorCategory.DUPLICATE_KEY);
        }
        if (t instanceof MongoCommandException e) {
            return e.getErrorCode() == DUPLICATE_KEY;
        }
        return false;
    }
}
