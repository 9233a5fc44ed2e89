def log = new File(basedir, 'build.log').text
// every planted mistake of examples/broken-bundle, at its file, line and column
[
    'account.schema.json:3:2: [invalid-enum-value]',
    'account.schema.json:3:2: [datetime-format]',
    'accounts.ldjson:1:74: [url-format]',
    'accounts.ldjson:1:187: [invalid-json]',
    'accounts.ldjson:2:85: [domain-format]',
    'accounts.ldjson:2:123: [picklist-value]',
    'accounts.ldjson:3:29: [unsorted-modified-date]',
    'contacts.ldjson:1:29: [datetime-format]',
    'contacts.ldjson:2: [missing-mandatory-field]',
    'deals.ldjson:2:65: [unresolved-reference]',
    'deals.ldjson:2:263: [wrong-type]',
    'deals.ldjson:3:25: [unsorted-modified-date]',
    'deals.ldjson:3:177: [date-format]',
    'deals.ldjson:3:230: [inconsistent-deal-status]',
    'deals.ldjson:3:245: [unresolved-reference]',
    'deals.ldjson:4:2: [duplicate-object]',
    'deals.ldjson:4:266: [deprecated-field]',
    "gongcrm: Found 13 errors, 4 warnings, 0 info (6 files, 14 objects checked). 'gongcrm fix' repairs 6 of them.",
    'gongcrm found 13 violation(s)',
    'BUILD FAILURE',
].each { expected -> assert log.contains(expected) : "build.log lacks: " + expected }
assert log.contains('[WARNING] ') && log =~ /\[WARNING\] .*accounts\.ldjson:1:74: \[url-format\]/
assert log =~ /\[ERROR\] .*deals\.ldjson:2:263: \[wrong-type\]/
