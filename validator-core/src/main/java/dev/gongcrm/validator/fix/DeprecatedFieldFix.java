package dev.gongcrm.validator.fix;

import dev.gongcrm.validator.schema.FieldSpec;
import dev.gongcrm.validator.schema.TypeSpec;

import java.util.List;

/**
 * {@code deprecated-field}: a deprecated field whose schema names its replacement
 * ({@code x-gong-replacement}) is renamed to it; when the replacement is already there with the same
 * value the old field is dropped. Different values are left: which one is right is the user's call.
 */
final class DeprecatedFieldFix implements LineFix {

    @Override
    public String rule() {
        return "deprecated-field";
    }

    /** One edit at most: two deprecated fields may share a replacement, so the next is judged on the result. */
    @Override
    public List<JsonLine.Edit> edits(JsonLine line, TypeSpec type) {
        for (JsonLine.Member member : line.members()) {
            FieldSpec spec = type.field(member.name());
            if (spec == null || !spec.deprecated() || spec.replacement() == null) {
                continue;
            }
            JsonLine.Member current = line.member(spec.replacement());
            if (current == null) {
                return List.of(JsonLine.renameKey(member, spec.replacement()));
            }
            if (current.sameValueAs(member)) {
                return List.of(line.remove(member));
            }
        }
        return List.of();
    }
}
