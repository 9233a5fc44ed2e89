package dev.gongcrm.validator.fix;

import dev.gongcrm.validator.schema.FieldSpec;
import dev.gongcrm.validator.schema.JsonKind;
import dev.gongcrm.validator.schema.TypeSpec;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code wrong-type}, only where the value cannot mean anything else: a string holding a plain JSON
 * number in a field that takes only numbers ({@code "7000"} to {@code 7000}), and {@code "true"} or
 * {@code "false"} in a field that takes only booleans. "1,000", " 7000", "yes" stay: reading them is a guess.
 */
final class WrongTypeFix implements LineFix {

    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    @Override
    public String rule() {
        return "wrong-type";
    }

    @Override
    public List<JsonLine.Edit> edits(JsonLine line, TypeSpec type) {
        List<JsonLine.Edit> edits = new ArrayList<>();
        for (JsonLine.Member member : line.members()) {
            FieldSpec spec = type.field(member.name());
            if (spec != null && member.isString() && !spec.accepts(JsonKind.STRING) && unambiguous(member.text(), spec)) {
                edits.add(JsonLine.replaceValue(member, member.text()));
            }
        }
        return edits;
    }

    private static boolean unambiguous(String value, FieldSpec spec) {
        if (spec.kinds().equals(EnumSet.of(JsonKind.BOOLEAN))) {
            return value.equals("true") || value.equals("false");
        }
        if (spec.kinds().equals(EnumSet.of(JsonKind.INTEGER))) {
            return INTEGER.matcher(value).matches();
        }
        if (spec.kinds().equals(EnumSet.of(JsonKind.NUMBER))) {
            return NUMBER.matcher(value).matches();
        }
        return false;
    }
}
