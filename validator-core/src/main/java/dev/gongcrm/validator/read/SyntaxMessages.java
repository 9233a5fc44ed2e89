package dev.gongcrm.validator.read;

import tools.jackson.core.JacksonException;

/** Turns the parser's complaints into messages that say how to fix the JSON, in Jackson's words only where they help. */
public final class SyntaxMessages {

    private SyntaxMessages() {
    }

    static String explain(JacksonException e, byte[] buf, int start, int length) {
        long offset = e.getLocation() == null ? -1 : e.getLocation().getByteOffset();
        int at = offset < 0 ? -1 : start + (int) offset;
        String original = reason(e);
        if (at >= start && at + 1 < start + length + 1 && at < buf.length) {
            if (buf[at] == '/' && at + 1 < start + length && (buf[at + 1] == '/' || buf[at + 1] == '*')) {
                return "comments are not allowed in JSON (the API docs' examples carry '// ...' notes); remove the comment";
            }
            if (buf[at] == '}' || buf[at] == ']') {
                int before = at - 1;
                while (before >= start && (buf[before] == ' ' || buf[before] == '\t')) {
                    before--;
                }
                if (before >= start && buf[before] == ',') {
                    return "trailing comma before '" + (char) buf[at] + "'; remove the comma";
                }
            }
        }
        if (original.startsWith("Non-standard token 'NaN'") || original.contains("'Infinity'")
                || original.contains("'-Infinity'")) {
            return "NaN and Infinity are not JSON numbers; send null or a finite number";
        }
        if (original.startsWith("Unexpected end-of-input")) {
            return "the line ends before the JSON object is closed (" + original
                    + "); an object must be complete on one line";
        }
        if (original.contains("was expecting double-quote to start property name")) {
            return "property names must be in double quotes: " + original;
        }
        return original;
    }

    /**
     * What the parser says is wrong, in one sentence and without what names its internals: the location
     * it appends ("start marker at [Source: REDACTED ...]", which the caller reports as line and column)
     * and its feature class names.
     */
    public static String reason(JacksonException e) {
        String message = e.getOriginalMessage() == null ? "invalid JSON" : e.getOriginalMessage();
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        return first.replaceAll("\\s*\\(start marker at \\[Source: .*", "")
                .replaceAll("\\s*\\[Source: .*", "")
                .replace("`JsonReadFeature.", "`")
                .trim();
    }
}
