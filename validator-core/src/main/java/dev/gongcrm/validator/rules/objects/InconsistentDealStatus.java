package dev.gongcrm.validator.rules.objects;

import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.rules.RecordScope;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;

/** isOpen says Open or Closed, isWon says Won or Lost: a deal cannot be both open and won. */
@RuleDoc(
        name = "inconsistent-deal-status",
        severity = Severity.WARNING,
        summary = "A deal cannot be open and won at once (isOpen: true with isWon: true).",
        seed = "isOpen Indicates if the Deal's status is Open or Closed; isWon Indicates if the Deal's status is Won or Lost",
        bad = """
                --- deals.ldjson
                {"objectId": "8608553", "modifiedDate": "2022-02-04T18:24:59Z", "accountId": "5ybyh6n6n65", "ownerId": "5486951", "name": "Deal name", "createdDate": "2022-02-04T17:57:23Z", "closeDate": "2022-09-04", "isOpen": true, "isWon": true, "stage": "discovery", "amount": 7000}
                """,
        good = """
                --- deals.ldjson
                {"objectId": "8608553", "modifiedDate": "2022-02-04T18:24:59Z", "accountId": "5ybyh6n6n65", "ownerId": "5486951", "name": "Deal name", "createdDate": "2022-02-04T17:57:23Z", "closeDate": "2022-09-04", "isOpen": false, "isWon": true, "stage": "won", "amount": 7000}
                """)
public final class InconsistentDealStatus implements Rule {

    @Override
    public void checkRecord(RecordScope scope) {
        if (scope.type() == ObjectType.DEAL && scope.record().isTrue("isOpen") && scope.record().isTrue("isWon")) {
            scope.report(this, "isWon", "deal is both open (isOpen: true) and won (isWon: true); "
                    + "a won deal is closed: set isOpen to false, or isWon to false while it is open");
        }
    }
}
