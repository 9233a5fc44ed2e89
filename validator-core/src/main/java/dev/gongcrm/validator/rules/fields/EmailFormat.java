package dev.gongcrm.validator.rules.fields;

import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.read.FieldValue;
import dev.gongcrm.validator.rules.RecordScope;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;
import dev.gongcrm.validator.schema.FieldSpec;
import dev.gongcrm.validator.schema.JsonKind;
import dev.gongcrm.validator.schema.ValueFormat;

/** A warning: Gong matches users and contacts by email address, so a malformed one silently matches nothing. */
@RuleDoc(
        name = "email-format",
        severity = Severity.WARNING,
        summary = "Email fields should hold one address of the form name@domain.tld.",
        seed = "emailAddress Must match an email address of a user in Gong.",
        bad = """
                --- users.ldjson
                {"objectId": "user1_Id_In_The_CRM", "emailAddress": "user1 at example.com", "modifiedDate": "2019-01-03T23:45:57+01:00"}
                """,
        reported = {"users.ldjson:1:37 /emailAddress"},
        good = """
                --- users.ldjson
                {"objectId": "user1_Id_In_The_CRM", "emailAddress": "user1@example.com", "modifiedDate": "2019-01-03T23:45:57+01:00"}
                """)
public final class EmailFormat implements Rule {

    @Override
    public boolean appliesTo(FieldSpec spec) {
        return spec != null && spec.format() == ValueFormat.EMAIL;
    }

    @Override
    public void checkField(RecordScope scope, FieldValue value, FieldSpec spec) {
        if (value.kind() == JsonKind.STRING && !value.isEmpty() && !isEmail(value.text())) {
            scope.report(this, value.name(), "field '" + value.name() + "' is " + value.display()
                    + ", not an email address like jane.doe@example.com");
        }
    }

    static boolean isEmail(String text) {
        int at = text.indexOf('@');
        if (at <= 0 || at != text.lastIndexOf('@') || at == text.length() - 1) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Characters.isWhitespace(c) || c == ',' || c == ';' || c == '<' || c == '>') {
                return false;
            }
        }
        // the domain, after the '@': a dot inside, none at its end, never two together
        return text.indexOf('.', at + 1) > at + 1 && !text.endsWith(".") && text.indexOf("..", at + 1) < 0;
    }
}
