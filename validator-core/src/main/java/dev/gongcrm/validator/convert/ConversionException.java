package dev.gongcrm.validator.convert;

import java.io.IOException;

/**
 * A CSV export, mapping file or output that cannot be converted at all (as opposed to a cell that cannot,
 * which is a finding): its message is one line that names the file, and the line when there is one.
 */
public final class ConversionException extends IOException {

    private final transient CsvMapping proposal;

    public ConversionException(String message) {
        this(message, null);
    }

    /** A conversion stopped by columns that read two ways, with the mapping that takes the first way of each. */
    ConversionException(String message, CsvMapping proposal) {
        super(message);
        this.proposal = proposal;
    }

    /** The mapping to start from when the export's columns read two ways: the user says which, in it. */
    public java.util.Optional<CsvMapping> proposal() {
        return java.util.Optional.ofNullable(proposal);
    }
}
