package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.rules.FirstHolder;
import dev.gongcrm.validator.schema.TypeSpec;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The values of the unique fields ({@code x-gong-unique}: a stage's internalName, a user's
 * emailAddress) that objects hold: the first object of the bundle to give each, across its files, and
 * the live objects Gong holds from earlier pushes. The same value under two ids is what Gong resolves
 * to one of them, or refuses.
 */
final class UniqueValues {

    private final Map<String, FirstHolder> inBundle = new HashMap<>();
    private final Map<String, FirstHolder> earlier = new HashMap<>();

    /** A value a live object holds in Gong from an earlier push. */
    void heldEarlier(TypeSpec spec, String field, String value, String objectId) {
        earlier.putIfAbsent(key(spec, field, value), FirstHolder.earlierPush(value, objectId));
    }

    /**
     * Records the object as the holder of its value unless an earlier object of the bundle holds it, and
     * returns the holder with another id: that object of the bundle, else, for the first of the bundle to
     * give the value, an object of an earlier push that holds it (which the bundle may still send again
     * with another value, or delete); null when there is none.
     */
    FirstHolder claim(TypeSpec spec, String field, String value, String file, int line, String objectId) {
        String key = key(spec, field, value);
        FirstHolder first = inBundle.putIfAbsent(key, new FirstHolder(value, file, line, objectId));
        if (first == null) {
            first = earlier.get(key);
        }
        return first == null || Objects.equals(first.objectId(), objectId) ? null : first;
    }

    private static String key(TypeSpec spec, String field, String value) {
        boolean ignoreCase = spec.field(field).format().ignoresCase();
        return spec.type() + "\u0000" + field + "\u0000" + (ignoreCase ? value.toLowerCase(Locale.ROOT) : value);
    }
}
