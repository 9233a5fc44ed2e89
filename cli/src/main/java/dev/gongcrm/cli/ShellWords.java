package dev.gongcrm.cli;

import java.util.List;
import java.util.stream.Collectors;

/** Commands printed for a user to copy into a POSIX shell. */
final class ShellWords {

    private ShellWords() {
    }

    /** The value as one word for a POSIX shell, whatever it holds ('>' or '?' would redirect or glob). */
    static String quoted(String value) {
        return value.matches("[A-Za-z0-9_.,:/@+=-]+") ? value : "'" + value.replace("'", "'\\''") + "'";
    }

    /** The words as one command line. */
    static String command(List<String> words) {
        return words.stream().map(ShellWords::quoted).collect(Collectors.joining(" "));
    }
}
