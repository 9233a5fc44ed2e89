package dev.gongcrm.validator.schema;

import java.util.regex.Pattern;

/**
 * The JSON Schema {@code maxLength} and {@code pattern} of a string field, judged as JSON Schema does:
 * the length in code points, the pattern found anywhere in the value unless it anchors itself.
 *
 * @param maxLength at most this many characters, or {@link #UNLIMITED}
 * @param pattern what the value must match, or null
 * @param patternDescription the pattern in words, for messages
 */
public record TextLimits(int maxLength, Pattern pattern, String patternDescription) {

    public static final int UNLIMITED = Integer.MAX_VALUE;
    public static final TextLimits NONE = new TextLimits(UNLIMITED, null, null);

    public boolean isNone() {
        return maxLength == UNLIMITED && pattern == null;
    }

    public boolean tooLong(String value) {
        return maxLength != UNLIMITED && value.codePointCount(0, value.length()) > maxLength;
    }

    public boolean mismatches(String value) {
        return pattern != null && !pattern.matcher(value).find();
    }
}
