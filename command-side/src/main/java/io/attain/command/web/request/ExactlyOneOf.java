package io.attain.command.web.request;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * On a request record: exactly one of the named fields must be given (non-blank); otherwise every one
 * of them is reported, e.g. {@code repId} and {@code teamId}: "exactly one of repId and teamId is required".
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ExactlyOneOf.Validator.class)
public @interface ExactlyOneOf {

    String[] value();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ExactlyOneOf, Record> {

        private List<String> fields;

        @Override
        public void initialize(ExactlyOneOf annotation) {
            fields = List.of(annotation.value());
        }

        @Override
        public boolean isValid(Record request, ConstraintValidatorContext context) {
            if (request == null) {
                return true;
            }
            long given = Arrays.stream(request.getClass().getRecordComponents())
                    .filter(c -> fields.contains(c.getName()))
                    .filter(c -> value(request, c) instanceof String s && !s.isBlank())
                    .count();
            if (given == 1) {
                return true;
            }
            String rule = "exactly one of " + String.join(" and ", fields) + " is required";
            context.disableDefaultConstraintViolation();
            for (String field : fields) {
                context.buildConstraintViolationWithTemplate(rule).addPropertyNode(field).addConstraintViolation();
            }
            return false;
        }

        private static Object value(Record request, RecordComponent component) {
            try {
                return component.getAccessor().invoke(request);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
