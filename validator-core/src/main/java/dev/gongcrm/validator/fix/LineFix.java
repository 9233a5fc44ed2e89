package dev.gongcrm.validator.fix;

import dev.gongcrm.validator.schema.TypeSpec;

import java.util.List;

/** A repair of one line's fields, tied to the rule whose findings it removes. */
interface LineFix {

    /** The name of the rule this fix answers. */
    String rule();

    /**
     * The edits that repair {@code line} for an object of {@code type}, counted once each in the summary;
     * empty when the line needs none. Edits of one call must not overlap.
     */
    List<JsonLine.Edit> edits(JsonLine line, TypeSpec type);
}
