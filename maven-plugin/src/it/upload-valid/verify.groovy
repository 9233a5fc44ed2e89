import dev.gongcrm.client.Credentials
import dev.gongcrm.client.GongCrmClient
import dev.gongcrm.emulator.Emulator
import dev.gongcrm.validator.ObjectType
import groovy.json.JsonSlurper

def gong = context.emulator
try {
    def log = new File(basedir, 'build.log').text
    // build.log holds both invocations, one after the other
    def firstEnd = log.indexOf('BUILD SUCCESS')
    assert firstEnd > 0 : 'the first upload failed'
    def first = log.substring(0, firstEnd)
    def second = log.substring(firstEnd + 'BUILD SUCCESS'.length())
    assert second.contains('BUILD SUCCESS') : 'the second upload failed'

    // first run: validated, then every step uploaded and DONE, in Gong's order
    assert first.contains("(credentials of <server> 'gongcrm-encrypted' in settings.xml)") : 'the encrypted password'
    assert first.contains("using integration ${Emulator.DEFAULT_INTEGRATION_ID} ('upload-valid IT'), the only one")
    // 2 schemas, STAGE, BUSINESS_USER, ACCOUNT, the settle wait, CONTACT, DEAL, LEAD
    assert first.contains('the bundle passed validation; 9 step(s)')
    def done = { file -> first =~ /\[\d\/9\] src.main.gongcrm.${file}: DONE/ }
    assert done('account\\.schema\\.json')
    assert done('deal\\.schema\\.json')
    ['stages', 'users', 'accounts', 'contacts', 'deals', 'leads'].each { name ->
        assert done(name + '\\.ldjson') : "no DONE line for ${name}" }
    def step = { n, file -> first.contains("[${n}/9] src" + File.separator + 'main' + File.separator + 'gongcrm'
            + File.separator + file) }
    assert step(3, 'stages.ldjson') && step(5, 'accounts.ldjson') && step(9, 'leads.ldjson')
    assert first.contains('[6/9] no settle wait (settle is 0s)') : 'the settle wait is a step even at 0s'

    // docs/maven.md shows this run: its step and count lines are the ones printed here (timings aside)
    def steady = { String line -> line.replaceAll(/ in \d+\.\ds/, ' in 0.0s').replace('/', File.separator) }
    def page = new File(basedir, '../../../../docs/maven.md').text
    def sample = page.substring(page.indexOf('-Dgongcrm.settle=0s\n'))
    sample = sample.substring(0, sample.indexOf('BUILD SUCCESS'))
    def shown = sample.readLines().findAll { it.startsWith('[INFO] [') || it.startsWith('[INFO]   ') }
    assert shown.size() == 16 : "docs/maven.md's upload sample lost its step or count lines: ${shown}"
    def printed = first.readLines().collect(steady)
    shown.each { line -> assert printed.contains(steady(line)) : "docs/maven.md shows a line this run does not print: ${line}" }
    assert first.contains('gongcrm: No problems found (8 files, 12 objects checked).')
    assert first.contains('gongcrm: pushed 8 upload(s) to integration ' + Emulator.DEFAULT_INTEGRATION_ID + '; all DONE')

    // second run: the ledger knows every object, nothing is sent; the schemas are the ones Gong holds
    assert (second =~ /already uploaded as [\w-]+, skipped/).count == 2
    assert second.contains('the bundle passed validation; 2 step(s)')
    assert second =~ /  DEAL +1 +0 +0 +1 +0 +0 +0 +0 B +0/
    assert !second.contains(': DONE')
    assert second.contains('gongcrm: nothing to send: every object is in Gong as it is here')

    // the ledger is in the project, where mvn clean leaves it
    assert new File(basedir, '.gongcrm/ledger.db').isFile()

    // Gong holds every object of the bundle; those sent with isDeleted are gone
    def client = GongCrmClient.builder().baseUrl(gong.baseUrl()).credentials(Credentials.basic('gongcrm', 'gongcrm'))
            .callsPerSecond(0).build()
    try {
        def slurper = new JsonSlurper()
        ['accounts': ObjectType.ACCOUNT, 'contacts': ObjectType.CONTACT, 'deals': ObjectType.DEAL,
         'leads': ObjectType.LEAD].each { name, type ->
            def sent = new File(basedir, "src/main/gongcrm/${name}.ldjson").readLines().findAll { it.trim() }
                    .collect { slurper.parseText(it) }
            def held = client.getObjects(sent.collect { it.objectId }, Emulator.DEFAULT_INTEGRATION_ID, type)
                    .crmObjectsMap()
            sent.each { object ->
                if (object.isDeleted) {
                    assert held[object.objectId] == null : "${type} ${object.objectId} was deleted"
                } else {
                    assert held[object.objectId] != null : "Gong lacks ${type} ${object.objectId}"
                    assert held[object.objectId].path('modifiedDate').asString() == object.modifiedDate
                }
            }
        }
        def accountFields = client.listSchemaFields(Emulator.DEFAULT_INTEGRATION_ID, ObjectType.ACCOUNT).fields()
                .values().flatten().collect { it.uniqueName() }
        assert accountFields.containsAll(['category', 'parentAccount']) : "schema not sent: ${accountFields}"
    } finally {
        client.close()
    }
} finally {
    gong?.close()
}
