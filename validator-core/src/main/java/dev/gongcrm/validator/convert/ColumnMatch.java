package dev.gongcrm.validator.convert;

/**
 * A column of a CSV export and the field a conversion without a mapping fills from it.
 *
 * @param field the field, or null for a column left out ({@code --drop-unmatched}); for a STATUS column,
 *     {@code status}
 * @param how by the field's name, by a name exports use for it, a deal's status (open, won or lost: it fills
 *     isOpen and isWon, and status in a profile that has it), or by none (a custom field named after the column)
 * @param format how its cells were found written, when not as Gong writes them ("dates as dd/MM/yyyy"), or null
 */
public record ColumnMatch(String column, String field, How how, String format) {

    public enum How { NAME, SYNONYM, STATUS, UNMATCHED }

    ColumnMatch(String column, String field, How how) {
        this(column, field, how, null);
    }
}
