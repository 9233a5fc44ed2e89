package dev.gongcrm.validator.convert;

import java.io.IOException;

/**
 * A CSV export, mapping file or output that cannot be converted at all (as opposed to a cell that cannot,
 * which is a finding): its message is one line that names the file, and the line when there is one.
 */
public final class ConversionException extends IOException {

    public ConversionException(String message) {
        super(message);
    }
}
