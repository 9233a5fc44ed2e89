package dev.gongcrm.validator.rules;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The JSON Schema keywords whose failures, when a schema file is checked against the profile's
 * request-body schema, this rule reports. Of the rules owning a failed keyword, the one whose
 * {@link #onFormat} is the failed property's declared {@code format} wins, then one without; a
 * keyword no rule names goes to the rule naming {@link #ANY_OTHER}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SchemaKeywords {

    /** Stands for every keyword no rule names. */
    String ANY_OTHER = "*";

    String[] value();

    /** Only for properties the request body declares with this {@code format}; empty: any property. */
    String onFormat() default "";

    /**
     * Whether a definition failing one of these keywords is left uncompiled (its field then accepts any
     * value): true when the failure leaves the field's type or values unknown.
     */
    boolean breaksDefinition() default true;
}
