package dev.gongcrm.validator.read;

import java.nio.charset.StandardCharsets;

/** Decodes the raw bytes of a JSON string (between its quotes) that the parser was not asked to read. */
final class JsonStrings {

    private JsonStrings() {
    }

    /** The index of the quote that closes the string opened by the quote at {@code open}, or {@code end} when the line ends first. */
    static int closingQuote(byte[] buf, int open, int end) {
        for (int i = open + 1; i < end; i++) {
            if (buf[i] == '\\') {
                i++;
            } else if (buf[i] == '"') {
                return i;
            }
        }
        return end;
    }

    /**
     * The first {@code maxChars} characters (at most) of the JSON string whose bytes between the
     * quotes are {@code bytes[from..to)}: escapes resolved, UTF-8 decoded. Broken escapes are kept
     * as written (the parser reports them).
     */
    static String decode(byte[] bytes, int from, int to, int maxChars) {
        StringBuilder text = new StringBuilder(Math.min(maxChars, to - from));
        int at = from;
        while (at < to && text.length() < maxChars) {
            int run = at;
            int runEnd = Math.min(to, at + (maxChars - text.length()));
            while (run < runEnd && bytes[run] != '\\') {
                run++;
            }
            if (run > at) {
                // never end a run inside a multi-byte character
                while (run < to && run > at && (bytes[run] & 0xC0) == 0x80) {
                    run--;
                }
                if (run == at) {
                    run = at + 1;
                    while (run < to && (bytes[run] & 0xC0) == 0x80) {
                        run++;
                    }
                }
                text.append(new String(bytes, at, run - at, StandardCharsets.UTF_8));
                at = run;
                continue;
            }
            if (at + 1 >= to) {
                text.append('\\');
                break;
            }
            byte escaped = bytes[at + 1];
            switch (escaped) {
                case 'n' -> text.append('\n');
                case 't' -> text.append('\t');
                case 'r' -> text.append('\r');
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'u' -> {
                    if (at + 6 <= to && hex(bytes, at + 2, 4) >= 0) {
                        text.append((char) hex(bytes, at + 2, 4));
                        at += 6;
                        continue;
                    }
                    text.append("\\u");
                }
                default -> text.append((char) (escaped & 0xFF));
            }
            at += 2;
        }
        if (text.length() > maxChars) {
            text.setLength(Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars);
        }
        return text.toString();
    }

    private static int hex(byte[] bytes, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = Character.digit(bytes[i], 16);
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }
}
