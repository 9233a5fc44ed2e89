package dev.gongcrm.cli;

import picocli.CommandLine;

import java.time.Duration;

/** Durations on the command line: {@code 60s}, {@code 2m}, {@code 1h}, {@code 500ms}, {@code 0s}. */
final class Durations implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String text) {
        try {
            return dev.gongcrm.validator.time.Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
