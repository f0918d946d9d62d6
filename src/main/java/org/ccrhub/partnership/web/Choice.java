package org.ccrhub.partnership.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The field holds the name of one of the constants of an enum, as a select or radios sends it.
 * Blank or anything else is invalid, so the message should ask the user to choose.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Choice.Validator.class)
@interface Choice {

  Class<? extends Enum<?>> of();

  String message();

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  final class Validator implements ConstraintValidator<Choice, String> {

    private Set<String> names = Set.of();

    @Override
    public void initialize(Choice choice) {
      names =
          Arrays.stream(choice.of().getEnumConstants()).map(Enum::name).collect(Collectors.toSet());
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value != null && names.contains(value);
    }
  }
}
