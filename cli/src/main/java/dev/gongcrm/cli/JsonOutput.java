package dev.gongcrm.cli;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;

/** {@code --json}: the API's answer as JSON, for scripts (integration ids stay exact 64-bit numbers). */
final class JsonOutput {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private JsonOutput() {
    }

    static void print(PrintWriter out, Object value) {
        out.println(JSON.writeValueAsString(value));
    }
}
