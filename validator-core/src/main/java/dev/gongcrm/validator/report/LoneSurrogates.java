package dev.gongcrm.validator.report;

import java.io.IOException;
import java.io.Writer;

/**
 * Lone surrogates: a JSON escape such as {@code "\}{@code ud800"} in the data reads as half a character,
 * which UTF-8 cannot encode. Reports never carry one as it is: JSON writes it as its escape again,
 * other formats replace it.
 */
final class LoneSurrogates {

    private LoneSurrogates() {
    }

    /** The text with each lone surrogate replaced by U+FFFD; the same string when it has none. */
    static String replace(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder replaced = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lone = Character.isHighSurrogate(c)
                    ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            if (lone && replaced == null) {
                replaced = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (replaced != null) {
                replaced.append(lone ? '\uFFFD' : c);
            }
        }
        return replaced == null ? text : replaced.toString();
    }

    /**
     * A writer for JSON output that writes each lone surrogate as its {@code \}{@code uXXXX} escape, which
     * keeps the value exactly (lone surrogates only occur inside JSON strings, where the escape means
     * the same code unit). Surrogate pairs, even when split between two writes, pass unchanged.
     */
    static Writer escapingInJson(Writer out) {
        return new Writer() {
            private char pendingHigh;

            @Override
            public void write(char[] chars, int offset, int length) throws IOException {
                int end = offset + length;
                int start = offset;
                for (int i = offset; i < end; i++) {
                    char c = chars[i];
                    if (pendingHigh != 0) {
                        char high = pendingHigh;
                        pendingHigh = 0;
                        if (Character.isLowSurrogate(c)) {
                            out.write(high);
                            out.write(c);
                            start = i + 1;
                            continue;
                        }
                        escape(high);
                    }
                    if (Character.isHighSurrogate(c)) {
                        if (i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
                            i++;
                            continue;
                        }
                        out.write(chars, start, i - start);
                        start = i + 1;
                        if (i + 1 == end) {
                            pendingHigh = c; // its low half may come with the next write
                        } else {
                            escape(c);
                        }
                    } else if (Character.isLowSurrogate(c)) {
                        out.write(chars, start, i - start);
                        start = i + 1;
                        escape(c);
                    }
                }
                out.write(chars, start, end - start);
            }

            private void escape(char c) throws IOException {
                out.write(String.format("\\u%04X", (int) c));
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                if (pendingHigh != 0) {
                    escape(pendingHigh);
                    pendingHigh = 0;
                }
                out.close();
            }
        };
    }
}
