import groovy.json.JsonSlurper

def reports = new File(basedir, 'target/gongcrm')
['gongcrm.json', 'gongcrm.sarif', 'gongcrm.xml', 'gongcrm.csv'].each { name ->
    assert new File(reports, name).isFile() : "missing report " + name
}
assert !new File(reports, 'gongcrm.txt').exists() : 'only the formats asked for'
def sarif = new JsonSlurper().parse(new File(reports, 'gongcrm.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs[0].results.size() == 17
def wrongType = sarif.runs[0].results.find { it.ruleId == 'wrong-type' }
assert wrongType.locations[0].physicalLocation.artifactLocation.uri.endsWith('broken-bundle/deals.ldjson')
assert wrongType.locations[0].physicalLocation.region.startLine == 2
def json = new JsonSlurper().parse(new File(reports, 'gongcrm.json'))
assert json.summary.errors == 13
assert new File(reports, 'gongcrm.csv').readLines().size() == 18
def html = new File(reports, 'gongcrm.html').text
assert html.contains('"errors":13,') : 'the counts, as the json report has them'
assert html.contains('// account with additional field') : 'the text of a line with a finding'
assert new File(basedir, 'build.log').text.contains('BUILD SUCCESS')
