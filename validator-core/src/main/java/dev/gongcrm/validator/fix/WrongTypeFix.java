package dev.gongcrm.validator.fix;

import dev.gongcrm.validator.schema.FieldSpec;
import dev.gongcrm.validator.schema.JsonKind;
import dev.gongcrm.validator.schema.TypeSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code wrong-type}, only where the value cannot mean anything else ({@link FieldSpec#meansUnquoted}): a
 * string holding a plain JSON number in a field that takes only numbers ({@code "7000"} to {@code 7000}).
 */
final class WrongTypeFix implements LineFix {

    @Override
    public String rule() {
        return "wrong-type";
    }

    @Override
    public List<JsonLine.Edit> edits(JsonLine line, TypeSpec type) {
        List<JsonLine.Edit> edits = new ArrayList<>();
        for (JsonLine.Member member : line.members()) {
            FieldSpec spec = type.field(member.name());
            if (spec != null && member.isString() && !spec.accepts(JsonKind.STRING)
                    && spec.meansUnquoted(member.text())) {
                edits.add(JsonLine.replaceValue(member, member.text()));
            }
        }
        return edits;
    }
}
