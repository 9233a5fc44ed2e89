package dev.gongcrm.client;

import java.io.IOException;

/** A file being uploaded is not what it was when the upload was planned: sending it again cannot help. */
final class ContentChangedException extends IOException {

    ContentChangedException(String message) {
        super(message);
    }
}
