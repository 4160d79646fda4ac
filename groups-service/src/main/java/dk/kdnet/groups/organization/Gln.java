package dk.kdnet.groups.organization;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An EAN/GLN location number for e-invoicing: 13 digits with a valid GS1 check digit. Null is valid. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Gln.Check.class)
public @interface Gln {
    String message() default "must be a valid EAN/GLN number (13 digits, GS1 check digit)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Gln, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || valid(value);
        }

        public static boolean valid(String gln) {
            if (!gln.matches("\\d{13}")) {
                return false;
            }
            var sum = 0;
            for (int i = 0; i < 12; i++) {
                // GS1: from the right of the payload, weights alternate 3 and 1.
                sum += (gln.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
            }
            return (10 - sum % 10) % 10 == gln.charAt(12) - '0';
        }
    }
}
