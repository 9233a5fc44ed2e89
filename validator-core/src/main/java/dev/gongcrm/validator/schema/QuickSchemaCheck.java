package dev.gongcrm.validator.schema;

import dev.gongcrm.validator.time.IsoDates;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Whether a document certainly satisfies a JSON Schema, judged by the few keywords the request-body schemas
 * of schema files use, without networknt. Setting networknt up (its dialect, its keywords and formats, the
 * schema compiled) is a tenth of a short run and a few percent of a long one, while nearly every schema file
 * sent is valid. So a file this check finds valid skips networknt; for any other, be it invalid or in doubt
 * (a keyword not known here, a number to compare, a value of a format other than a date-time Gong takes),
 * networknt validates as before, and its failures are worded as before. (networknt as configured here asserts
 * no format at all: the check of {@code format} only ever sends more files to it.)
 *
 * <p>It may answer {@link Verdict#UNKNOWN} where it could decide, never {@link Verdict#VALID} where networknt
 * would report a failure: a differential test holds it to that.
 */
public final class QuickSchemaCheck {

    /** What the check can say of a document. */
    public enum Verdict {
        VALID, INVALID, UNKNOWN;

        private Verdict not() {
            return this == VALID ? INVALID : this == INVALID ? VALID : UNKNOWN;
        }
    }

    /** Keywords that assert nothing: a schema holding only these and the ones evaluated here is decided. */
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "$defs", "title",
            "description", "deprecated", "examples", "default", "readOnly", "writeOnly");
    private static final Set<String> DECIDED_TYPES = Set.of("string", "boolean", "null", "array", "object");
    private static final Map<String, Optional<Pattern>> PATTERNS = new ConcurrentHashMap<>();

    private QuickSchemaCheck() {
    }

    /** The verdict on {@code instance} against {@code schema} (both as read by Jackson). */
    public static Verdict check(JsonNode schema, JsonNode instance) {
        if (schema.isBoolean()) {
            return schema.booleanValue() ? Verdict.VALID : Verdict.INVALID;
        }
        if (!schema.isObject()) {
            return Verdict.UNKNOWN;
        }
        Verdict verdict = Verdict.VALID;
        for (Map.Entry<String, JsonNode> keyword : schema.properties()) {
            verdict = and(verdict, keyword(keyword.getKey(), keyword.getValue(), schema, instance));
            if (verdict == Verdict.INVALID) {
                return verdict;
            }
        }
        return verdict;
    }

    private static Verdict keyword(String name, JsonNode value, JsonNode schema, JsonNode instance) {
        if (ANNOTATIONS.contains(name) || name.startsWith("x-")) {
            return Verdict.VALID;
        }
        return switch (name) {
            case "type" -> type(value, instance);
            case "enum" -> any(value, one -> equal(one, instance));
            case "const" -> equal(value, instance);
            case "not" -> check(value, instance).not();
            case "allOf" -> allOf(value, instance);
            case "anyOf" -> any(value, one -> check(one, instance));
            case "if" -> ifThenElse(value, schema, instance);
            case "then", "else" -> Verdict.VALID; // evaluated with "if", ignored without it
            case "required" -> required(value, instance);
            case "properties" -> properties(value, instance);
            case "additionalProperties" -> additionalProperties(value, schema, instance);
            case "items" -> items(value, instance);
            case "minItems" -> !instance.isArray() ? Verdict.VALID : atLeast(instance.size(), value);
            case "minLength" -> !instance.isString() ? Verdict.VALID
                    : atLeast(instance.stringValue().codePointCount(0, instance.stringValue().length()), value);
            case "pattern" -> pattern(value, instance);
            case "format" -> format(value, instance);
            default -> Verdict.UNKNOWN;
        };
    }

    private static Verdict atLeast(int count, JsonNode minimum) {
        if (!minimum.isIntegralNumber() || !minimum.canConvertToInt()) {
            return Verdict.UNKNOWN;
        }
        return count >= minimum.intValue() ? Verdict.VALID : Verdict.INVALID;
    }

    private static Verdict and(Verdict left, Verdict right) {
        if (left == Verdict.INVALID || right == Verdict.INVALID) {
            return Verdict.INVALID;
        }
        return left == Verdict.UNKNOWN || right == Verdict.UNKNOWN ? Verdict.UNKNOWN : Verdict.VALID;
    }

    private static Verdict type(JsonNode type, JsonNode instance) {
        if (type.isString()) {
            return hasType(type.stringValue(), instance);
        }
        return any(type, one -> one.isString() ? hasType(one.stringValue(), instance) : Verdict.UNKNOWN);
    }

    /**
     * Whether one of an array's items passes: VALID when one does, else UNKNOWN when one is in doubt, else
     * INVALID; UNKNOWN when the keyword's value is no array.
     */
    private static Verdict any(JsonNode items, Function<JsonNode, Verdict> verdictOf) {
        if (!items.isArray()) {
            return Verdict.UNKNOWN;
        }
        Verdict verdict = Verdict.INVALID;
        for (JsonNode item : items) {
            Verdict one = verdictOf.apply(item);
            if (one == Verdict.VALID) {
                return one;
            }
            if (one == Verdict.UNKNOWN) {
                verdict = one;
            }
        }
        return verdict;
    }

    /** Numbers are networknt's to judge (an integer written 1.0 is one; a long decimal may not be a number it reads). */
    private static Verdict hasType(String type, JsonNode instance) {
        if (instance.isNumber() || !DECIDED_TYPES.contains(type)) {
            return Verdict.UNKNOWN;
        }
        boolean matches = switch (type) {
            case "string" -> instance.isString();
            case "boolean" -> instance.isBoolean();
            case "null" -> instance.isNull();
            case "array" -> instance.isArray();
            default -> instance.isObject();
        };
        return matches ? Verdict.VALID : Verdict.INVALID;
    }

    /** Equality of strings, booleans and nulls; anything else (numbers, arrays, objects) is in doubt. */
    private static Verdict equal(JsonNode expected, JsonNode instance) {
        if (!isPlain(expected) || !isPlain(instance)) {
            return Verdict.UNKNOWN;
        }
        return expected.equals(instance) ? Verdict.VALID : Verdict.INVALID;
    }

    private static boolean isPlain(JsonNode node) {
        return node.isString() || node.isBoolean() || node.isNull();
    }

    private static Verdict allOf(JsonNode schemas, JsonNode instance) {
        if (!schemas.isArray()) {
            return Verdict.UNKNOWN;
        }
        Verdict verdict = Verdict.VALID;
        for (JsonNode schema : schemas) {
            verdict = and(verdict, check(schema, instance));
        }
        return verdict;
    }

    private static Verdict ifThenElse(JsonNode condition, JsonNode schema, JsonNode instance) {
        Verdict holds = check(condition, instance);
        if (holds == Verdict.UNKNOWN) {
            return holds;
        }
        JsonNode branch = schema.get(holds == Verdict.VALID ? "then" : "else");
        return branch == null ? Verdict.VALID : check(branch, instance);
    }

    private static Verdict required(JsonNode names, JsonNode instance) {
        if (!instance.isObject()) {
            return Verdict.VALID;
        }
        if (!names.isArray()) {
            return Verdict.UNKNOWN;
        }
        for (JsonNode name : names) {
            if (!name.isString()) {
                return Verdict.UNKNOWN;
            }
            if (!instance.has(name.stringValue())) {
                return Verdict.INVALID;
            }
        }
        return Verdict.VALID;
    }

    private static Verdict properties(JsonNode schemas, JsonNode instance) {
        if (!instance.isObject()) {
            return Verdict.VALID;
        }
        if (!schemas.isObject()) {
            return Verdict.UNKNOWN;
        }
        Verdict verdict = Verdict.VALID;
        for (Map.Entry<String, JsonNode> property : schemas.properties()) {
            JsonNode value = instance.get(property.getKey());
            if (value != null) {
                verdict = and(verdict, check(property.getValue(), value));
            }
        }
        return verdict;
    }

    /** Only beside {@code properties} and without {@code patternProperties}, the way the request bodies use it. */
    private static Verdict additionalProperties(JsonNode additional, JsonNode schema, JsonNode instance) {
        if (!instance.isObject()) {
            return Verdict.VALID;
        }
        if (schema.has("patternProperties")) {
            return Verdict.UNKNOWN;
        }
        JsonNode declared = schema.path("properties");
        Verdict verdict = Verdict.VALID;
        for (Map.Entry<String, JsonNode> property : instance.properties()) {
            if (!declared.has(property.getKey())) {
                verdict = and(verdict, check(additional, property.getValue()));
            }
        }
        return verdict;
    }

    private static Verdict items(JsonNode schema, JsonNode instance) {
        if (!instance.isArray()) {
            return Verdict.VALID;
        }
        if (!schema.isObject() && !schema.isBoolean()) {
            return Verdict.UNKNOWN;
        }
        Verdict verdict = Verdict.VALID;
        for (JsonNode item : instance) {
            verdict = and(verdict, check(schema, item));
            if (verdict == Verdict.INVALID) {
                return verdict;
            }
        }
        return verdict;
    }

    /** A match is certain; a miss is left to networknt, whose regular expressions may not be Java's. */
    private static Verdict pattern(JsonNode regex, JsonNode instance) {
        if (!instance.isString()) {
            return Verdict.VALID;
        }
        if (!regex.isString()) {
            return Verdict.UNKNOWN;
        }
        Optional<Pattern> compiled = PATTERNS.computeIfAbsent(regex.stringValue(), QuickSchemaCheck::compile);
        return compiled.isPresent() && compiled.get().matcher(instance.stringValue()).find()
                ? Verdict.VALID : Verdict.UNKNOWN;
    }

    private static Optional<Pattern> compile(String regex) {
        try {
            return Optional.of(Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
    }

    /** A date-time as Gong takes it ({@link IsoDates#isDateTime}) is one by any reading; the rest is in doubt. */
    private static Verdict format(JsonNode format, JsonNode instance) {
        if (!instance.isString()) {
            return Verdict.VALID;
        }
        return "date-time".equals(format.asString("")) && IsoDates.isDateTime(instance.stringValue())
                ? Verdict.VALID : Verdict.UNKNOWN;
    }
}
