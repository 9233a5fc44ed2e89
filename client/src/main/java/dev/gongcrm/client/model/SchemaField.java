package dev.gongcrm.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One field of an object schema, as uploaded to {@code /v2/crm/object/schema} and listed by
 * {@code /v2/crm/object/schema/list} (which names it {@code name} in its example; both are read).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchemaField(String uniqueName, String label, String type, String referenceTo,
                          List<String> orderedValueList, Boolean isDeleted, String lastModified) {
}
