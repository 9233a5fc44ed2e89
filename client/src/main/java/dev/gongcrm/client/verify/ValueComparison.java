package dev.gongcrm.client.verify;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether Gong holds an object as it was sent, field by field. Every top-level field that was sent
 * (but the id, which the read is keyed by) is compared with Gong's; a field Gong returns that was not
 * sent is no difference (Gong may add its own). Values are compared as JSON values, not as text:
 * numbers by value (7000 is 7000.0), strings exactly, arrays in order, objects by the members that
 * were sent, and null the same as absent (a field sent as null is "no value", which Gong may leave out).
 * Gong's real read endpoint may return some fields in other shapes (a date normalised, say): this is
 * the one place to teach it those.
 */
public final class ValueComparison {

    /** One field whose value in Gong is not the one sent: its name, and each value (null when it has none). */
    public record Difference(String field, JsonNode sent, JsonNode inGong) {
    }

    private ValueComparison() {
    }

    /** The top-level fields of {@code sent}, but {@code idField}, whose value in {@code inGong} differs, in the order sent. */
    public static List<Difference> differences(JsonNode sent, JsonNode inGong, String idField) {
        List<Difference> differences = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : sent.properties()) {
            if (field.getKey().equals(idField)) {
                continue;
            }
            JsonNode theirs = inGong.get(field.getKey());
            if (!same(field.getValue(), theirs)) {
                differences.add(new Difference(field.getKey(), noValue(field.getValue()) ? null : field.getValue(),
                        noValue(theirs) ? null : theirs));
            }
        }
        return differences;
    }

    /** Whether two JSON values are the same value; null, a JSON null and a missing node are all "no value". */
    public static boolean same(JsonNode sent, JsonNode inGong) {
        if (noValue(sent) || noValue(inGong)) {
            return noValue(sent) && noValue(inGong);
        }
        if (sent.isNumber() && inGong.isNumber()) {
            return sameNumber(sent, inGong);
        }
        if (sent.isString() && inGong.isString()) {
            return sent.asString().equals(inGong.asString());
        }
        if (sent.isBoolean() && inGong.isBoolean()) {
            return sent.booleanValue() == inGong.booleanValue();
        }
        if (sent.isArray() && inGong.isArray()) {
            if (sent.size() != inGong.size()) {
                return false;
            }
            for (int i = 0; i < sent.size(); i++) {
                if (!same(sent.get(i), inGong.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (sent.isObject() && inGong.isObject()) {
            for (Map.Entry<String, JsonNode> member : sent.properties()) {
                if (!same(member.getValue(), inGong.get(member.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean noValue(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    /**
     * Integers exactly; otherwise by decimal value, or, when either was read as a double, as doubles:
     * the same text read twice gives the same double, where its exact decimal expansion need not match
     * the other side's.
     */
    private static boolean sameNumber(JsonNode sent, JsonNode inGong) {
        if (sent.isIntegralNumber() && inGong.isIntegralNumber()) {
            return sent.bigIntegerValue().equals(inGong.bigIntegerValue());
        }
        if (sent.decimalValue().compareTo(inGong.decimalValue()) == 0) {
            return true;
        }
        return (sent.isFloatingPointNumber() || inGong.isFloatingPointNumber())
                && sent.doubleValue() == inGong.doubleValue();
    }
}
