package dev.gongcrm.validator.fix;

import dev.gongcrm.validator.schema.FieldSpec;
import dev.gongcrm.validator.schema.TypeSpec;
import dev.gongcrm.validator.schema.ValueFormat;
import dev.gongcrm.validator.time.IsoDates;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code datetime-format}: drops fractional seconds (truncating: the second Gong gets is the one written)
 * and, only when the user names a zone, adds it to a datetime written without one. A region zone such as
 * Europe/Oslo gives the offset in force at that local time; a local time the clocks skip or pass twice
 * is left for the user, as any offset chosen for it would be a guess.
 */
final class DatetimeFormatFix implements LineFix {

    /** Length of {@code 2019-01-03T23:45:57}, a datetime without fraction or zone. */
    private static final int LOCAL_LENGTH = 19;

    private final ZoneId assumedZone;

    /** @param assumedZone the zone of datetimes written without one, or null to leave them */
    DatetimeFormatFix(ZoneId assumedZone) {
        this.assumedZone = assumedZone;
    }

    @Override
    public String rule() {
        return "datetime-format";
    }

    @Override
    public List<JsonLine.Edit> edits(JsonLine line, TypeSpec type) {
        List<JsonLine.Edit> edits = new ArrayList<>();
        for (JsonLine.Member member : line.members()) {
            FieldSpec spec = type.field(member.name());
            if (spec == null || spec.format() != ValueFormat.DATE_TIME || !member.isString()
                    || IsoDates.isDateTime(member.text())) {
                continue;
            }
            String repaired = repair(member.text());
            if (repaired != null) {
                edits.add(JsonLine.replaceValue(member, '"' + repaired + '"'));
            }
        }
        return edits;
    }

    /** The accepted form of a datetime, or null when it cannot be had without guessing. */
    String repair(String value) {
        String withoutFraction = IsoDates.withoutFraction(value);
        if (IsoDates.isDateTime(withoutFraction)) {
            return withoutFraction;
        }
        if (assumedZone == null || withoutFraction.length() != LOCAL_LENGTH) {
            return null;
        }
        String offset = offsetAt(withoutFraction);
        if (offset == null) {
            return null;
        }
        String zoned = withoutFraction + offset;
        return IsoDates.isDateTime(zoned) ? zoned : null;
    }

    /** The assumed zone's offset at a local datetime as Gong writes it ({@code Z}, {@code +01:00}), or null. */
    private String offsetAt(String local) {
        List<ZoneOffset> offsets;
        try {
            offsets = assumedZone.getRules().getValidOffsets(LocalDateTime.parse(local));
        } catch (DateTimeParseException e) {
            return null;
        }
        if (offsets.size() != 1) {
            return null;
        }
        ZoneOffset offset = offsets.get(0);
        // Gong's pattern has no seconds in offsets; a historical zone offset like +00:17:30 cannot be written
        return offset.getTotalSeconds() % 60 != 0 ? null : offset.getId();
    }
}
