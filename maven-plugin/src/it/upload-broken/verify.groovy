import dev.gongcrm.client.Credentials
import dev.gongcrm.client.GongCrmClient
import dev.gongcrm.emulator.Emulator
import dev.gongcrm.validator.ObjectType

def gong = context.emulator
try {
    def log = new File(basedir, 'build.log').text
    // validation stops the push: findings at their file and line, nothing sent
    [
        'accounts.ldjson:1:74: [url-format]',
        'deals.ldjson:2:263: [wrong-type]',
        'contacts.ldjson:2: [missing-mandatory-field]',
        'gongcrm: Found 13 errors, 4 warnings, 0 info (6 files, 14 objects checked).',
        "gongcrm found 13 violation(s) at or above 'error'; nothing was sent.",
        'BUILD FAILURE',
    ].each { expected -> assert log.contains(expected) : "build.log lacks: " + expected }
    assert log =~ /\[ERROR\] .*deals\.ldjson:2:263: \[wrong-type\]/
    // docs/maven.md shows this failure: its lines but the first (a path of the page's own project) are printed here
    def page = new File(basedir, '../../../../docs/maven.md').text
    def sample = page.substring(page.indexOf('the build fails before anything is sent:'))
    sample = sample.substring(sample.indexOf('```text\n') + 8, sample.indexOf('\n```', sample.indexOf('```text\n')))
    def shown = sample.readLines().drop(1).findAll { it != '...' }
    assert shown.size() == 3 : "docs/maven.md's failed upload sample changed shape: ${shown}"
    shown.each { line -> assert log.contains(line.replace(' ...', '').replace('project crm-sync', 'project upload-broken')) : "docs/maven.md shows a line this build does not print: ${line}" }
    assert !log.contains('step(s) for integration')
    assert !log.contains(': DONE')

    // Gong received nothing: no object, no schema
    def client = GongCrmClient.builder().baseUrl(gong.baseUrl()).credentials(Credentials.basic('gongcrm', 'gongcrm'))
            .callsPerSecond(0).build()
    try {
        def accounts = client.getObjects(['5ybyh6n6n65', '7hsj28dk2la', 'gfjhty756th'], Emulator.DEFAULT_INTEGRATION_ID,
                ObjectType.ACCOUNT).crmObjectsMap()
        assert accounts.values().every { it == null } : "Gong holds accounts: ${accounts}"
        def deals = client.getObjects(['8608553', '8608554', '8608555'], Emulator.DEFAULT_INTEGRATION_ID,
                ObjectType.DEAL).crmObjectsMap()
        assert deals.values().every { it == null } : "Gong holds deals: ${deals}"
        def accountFields = client.listSchemaFields(Emulator.DEFAULT_INTEGRATION_ID, ObjectType.ACCOUNT).fields()
                .values().flatten().collect { it.uniqueName() }
        assert accountFields.contains('name') && !accountFields.contains('category') : "schema sent: ${accountFields}"
    } finally {
        client.close()
    }
} finally {
    gong?.close()
}
