package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.rules.FirstHolder;
import dev.gongcrm.validator.schema.TypeSpec;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The values of the unique fields of a bundle ({@code x-gong-unique}: a stage's internalName, a
 * user's emailAddress) and the first object that held each, across the files of the bundle: the
 * same value under two ids is what Gong resolves to one of them, or refuses.
 */
final class UniqueValues {

    private final Map<String, FirstHolder> holders = new HashMap<>();

    /**
     * Records the object as the holder of its value unless an earlier object holds it, and returns
     * that earlier holder when it has another id; null otherwise.
     */
    FirstHolder claim(TypeSpec spec, String field, String value, String file, int line, String objectId) {
        boolean ignoreCase = spec.field(field).format().ignoresCase();
        String key = spec.type() + "\u0000" + field + "\u0000" + (ignoreCase ? value.toLowerCase(Locale.ROOT) : value);
        FirstHolder first = holders.putIfAbsent(key, new FirstHolder(value, file, line, objectId));
        return first == null || Objects.equals(first.objectId(), objectId) ? null : first;
    }
}
