package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.Thousands;

/** Keeps finding messages to a readable size: a message quoting a value of megabytes is kept by its ends. */
final class Messages {

    /** Messages longer than this are shortened. */
    static final int MAX_CHARS = 2000;
    private static final int HEAD = 1200;
    private static final int TAIL = 600;

    private Messages() {
    }

    static String shorten(String message) {
        if (message == null || message.length() <= MAX_CHARS) {
            return message;
        }
        int head = HEAD;
        if (Character.isHighSurrogate(message.charAt(head - 1))) {
            head--;
        }
        int tail = message.length() - TAIL;
        if (Character.isLowSurrogate(message.charAt(tail))) {
            tail++;
        }
        return message.substring(0, head) + "… (" + Thousands.grouped(tail - head) + " characters left out) …"
                + message.substring(tail);
    }
}
