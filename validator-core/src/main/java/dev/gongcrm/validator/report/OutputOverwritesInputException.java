package dev.gongcrm.validator.report;

import java.io.IOException;

/**
 * An output of a run that resolves to a file the run reads (see {@link OutputGuard}); its message is one line
 * naming both. Thrown before the output is written.
 */
public final class OutputOverwritesInputException extends IOException {

    public OutputOverwritesInputException(String message) {
        super(message);
    }
}
