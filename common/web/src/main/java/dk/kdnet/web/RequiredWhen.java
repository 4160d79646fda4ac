package dk.kdnet.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule of a request record that depends on another field: when {@code property} has one of
 * {@code values}, the fields in {@code required} must be present and not null. The service enforces the
 * rule itself (a 422 naming the field); {@link AbsentValuesFilter} states it in the OpenAPI schema as
 * {@code if}/{@code then}, so a client's validator knows it too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(RequiredWhen.All.class)
public @interface RequiredWhen {

    String property();

    String[] values();

    String[] required();

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface All {
        RequiredWhen[] value();
    }
}
