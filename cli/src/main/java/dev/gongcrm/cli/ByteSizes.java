package dev.gongcrm.cli;

import picocli.CommandLine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads sizes as {@code 200MB}, {@code 64KB}, {@code 1GB} or plain bytes (binary multiples, as Gong's limit). */
final class ByteSizes implements CommandLine.ITypeConverter<Long> {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|mb|gb)?");

    @Override
    public Long convert(String text) {
        Matcher matcher = SIZE.matcher(text.trim().toLowerCase());
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) < 1) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a size; write e.g. 200MB, 64KB or "
                    + "a number of bytes");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "b" : matcher.group(2);
        return switch (unit) {
            case "kb" -> amount << 10;
            case "mb" -> amount << 20;
            case "gb" -> amount << 30;
            default -> amount;
        };
    }
}
