package dev.gongcrm.validator.schema;

import dev.gongcrm.validator.ObjectType;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one field of one object type accepts, compiled from a JSON Schema property (built-in fields)
 * or from a field definition of an uploaded schema (custom fields).
 *
 * @param kinds the JSON types accepted besides null; {@code NUMBER} accepts integers too
 * @param nullable whether {@code null} is accepted
 * @param text the {@code maxLength} and {@code pattern} of a string field ({@link TextLimits#NONE} when
 *     it has none; for date and datetime fields the format's own parser judges the shape)
 * @param nonEmpty an empty string or array counts as missing ({@code minLength}/{@code minItems})
 * @param allowedValues the PICKLIST values, or null when any value of the right type goes
 * @param items what the elements of an array accept, or null
 * @param referenceTo the object type the value names by id, or null
 * @param replacement for a deprecated field, the field to use instead
 * @param customType the schema field type (e.g. {@code PERCENT}) of a custom field, null for built-ins
 */
public record FieldSpec(String name, Set<JsonKind> kinds, boolean nullable, ValueFormat format,
                        TextLimits text, Double minimum, Double maximum, boolean nonEmpty, List<String> allowedValues,
                        FieldSpec items, ObjectType referenceTo, boolean deprecated, String replacement,
                        String customType, String description) {

    private static final Pattern PLAIN_INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    /** A field known by name whose definition is broken: any value goes, so its lines are not flagged twice. */
    public static FieldSpec anything(String name) {
        return new FieldSpec(name.intern(), EnumSet.of(JsonKind.STRING, JsonKind.NUMBER, JsonKind.BOOLEAN, JsonKind.ARRAY,
                JsonKind.OBJECT), true, ValueFormat.NONE, TextLimits.NONE, null, null, false, null, null, null, false, null,
                "UNKNOWN", "");
    }

    public boolean isCustom() {
        return customType != null;
    }

    /** Whether a value of this JSON kind has the right type (null is judged by {@link #nullable}). */
    public boolean accepts(JsonKind kind) {
        if (kind == JsonKind.NULL) {
            return nullable;
        }
        return kinds.contains(kind) || (kind == JsonKind.INTEGER && kinds.contains(JsonKind.NUMBER));
    }

    /**
     * Whether a string value of this field can only mean the unquoted value: a plain JSON number where the
     * field takes only numbers ({@code "7000"}), {@code "true"} or {@code "false"} where it takes only
     * booleans. "1,000", " 7000" or "yes" are not: reading them is a guess.
     */
    public boolean meansUnquoted(String text) {
        if (kinds.equals(EnumSet.of(JsonKind.BOOLEAN))) {
            return text.equals("true") || text.equals("false");
        }
        if (kinds.equals(EnumSet.of(JsonKind.INTEGER))) {
            return PLAIN_INTEGER.matcher(text).matches();
        }
        if (kinds.equals(EnumSet.of(JsonKind.NUMBER))) {
            return PLAIN_NUMBER.matcher(text).matches();
        }
        return false;
    }

    /** "a string", "a number or null"... for messages. */
    public String expectedDescription() {
        StringBuilder text = new StringBuilder();
        Set<JsonKind> shown = EnumSet.copyOf(kinds);
        for (JsonKind kind : shown) {
            if (text.length() > 0) {
                text.append(" or ");
            }
            text.append(kind == JsonKind.ARRAY && items != null
                    ? "an array of " + items.kinds.iterator().next().name().toLowerCase() + "s"
                    : kind.description());
        }
        if (nullable) {
            text.append(" or null");
        }
        return text.toString();
    }

    FieldSpec withCustom(String type, List<String> values, ObjectType target) {
        return new FieldSpec(name, kinds, nullable, format, text, minimum, maximum, nonEmpty, values, items,
                target, deprecated, replacement, type, description);
    }

    FieldSpec named(String newName) {
        return new FieldSpec(newName, kinds, nullable, format, text, minimum, maximum, nonEmpty, allowedValues,
                items, referenceTo, deprecated, replacement, customType, description);
    }
}
