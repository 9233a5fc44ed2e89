package dev.gongcrm.validator.engine;

import java.io.IOException;

/** Closing several things, each of them whatever the others do: the first failure is thrown, the rest suppressed. */
final class Closing {

    private Closing() {
    }

    static void all(Iterable<? extends AutoCloseable> things) throws IOException {
        Exception first = null;
        for (AutoCloseable thing : things) {
            try {
                thing.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first instanceof IOException io) {
            throw io;
        }
        if (first instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (first != null) {
            throw new IOException(first);
        }
    }
}
