package dk.kdnet.groups.organization;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A Danish CVR number: 8 digits whose modulus-11 check (weights 2,7,6,5,4,3,2,1) holds. Null is valid. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Cvr.Check.class)
public @interface Cvr {
    String message() default "must be a valid CVR number (8 digits, modulus-11 check)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Cvr, String> {
        private static final int[] WEIGHTS = {2, 7, 6, 5, 4, 3, 2, 1};

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || valid(value);
        }

        public static boolean valid(String cvr) {
            if (!cvr.matches("[1-9]\\d{7}")) {
                return false;
            }
            var sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (cvr.charAt(i) - '0') * WEIGHTS[i];
            }
            return sum % 11 == 0;
        }
    }
}
