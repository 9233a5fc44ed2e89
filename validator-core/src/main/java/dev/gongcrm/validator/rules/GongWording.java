package dev.gongcrm.validator.rules;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How Gong's API itself words the rule's mistake when it refuses an upload for it (what the emulator
 * answers); a rule without it has no known wording, and its own message is used.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface GongWording {

    /** Stands for the field's name in {@link #value}. */
    String FIELD = "{field}";

    /** Stands for the object's objectId in {@link #value}. */
    String OBJECT_ID = "{objectId}";

    /** The message, with {@link #FIELD} and {@link #OBJECT_ID} where Gong names them. */
    String value();
}
