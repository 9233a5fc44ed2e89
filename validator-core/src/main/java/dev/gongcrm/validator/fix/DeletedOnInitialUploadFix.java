package dev.gongcrm.validator.fix;

import tools.jackson.core.JsonToken;

/**
 * {@code deleted-on-initial-upload}, with {@code --initial} only: an object sent with {@code isDeleted: true}
 * in a first upload deletes something Gong never had, so the line is dropped.
 */
final class DeletedOnInitialUploadFix {

    static final String RULE = "deleted-on-initial-upload";

    static boolean drops(JsonLine line) {
        JsonLine.Member deleted = line.member("isDeleted");
        return deleted != null && deleted.kind() == JsonToken.VALUE_TRUE;
    }
}
