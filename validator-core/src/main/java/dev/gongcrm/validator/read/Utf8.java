package dev.gongcrm.validator.read;

/** Byte-offset to character-column conversion for UTF-8 lines. */
final class Utf8 {

    private Utf8() {
    }

    /** The 1-based column of the character starting at byte {@code offset} of a line starting at {@code lineStart}. */
    static int columnAt(byte[] bytes, int lineStart, int offset) {
        int column = 1;
        for (int i = lineStart; i < offset && i < bytes.length; i++) {
            if ((bytes[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        return column;
    }
}
