package dev.gongcrm.validator.schema;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;

/**
 * The profile schemas as a JSON Schema validator (networknt) sees them: draft 2020-12 where the
 * {@code x-gong-*} keywords are annotations (not unknown keywords to warn about), and the schemas'
 * {@code $id}s resolved from the classpath, never fetched.
 */
public final class JsonSchemas {

    private static final String ID_PREFIX = "https://gongcrm.dev/schemas/";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDialect(
            Dialect.builder(Dialects.getDraft202012())
                    .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
                    .build(),
            builder -> builder.schemaIdResolvers(resolvers -> resolvers.mapPrefix(ID_PREFIX, "classpath:dev/gongcrm/schemas/")));

    private JsonSchemas() {
    }

    /** A schema file of a profile, e.g. {@code (legacy, deal.schema.json)}. */
    public static Schema get(String profile, String fileName) {
        return REGISTRY.getSchema(SchemaLocation.of(ID_PREFIX + profile + "/" + fileName));
    }
}
