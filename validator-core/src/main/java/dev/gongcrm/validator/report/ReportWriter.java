package dev.gongcrm.validator.report;

import dev.gongcrm.validator.ValidationResult;

import java.io.IOException;
import java.io.Writer;

/** Writes a validation result in one format. */
public interface ReportWriter {
    void write(ValidationResult result, Writer out) throws IOException;
}
