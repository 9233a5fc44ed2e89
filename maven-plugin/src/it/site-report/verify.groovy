def site = new File(basedir, 'target/site')
def report = new File(site, 'gongcrm.html')
assert report.isFile() : 'mvn site wrote no gongcrm report'
def html = report.text
assert html.contains('"errors":13,') : 'the counts, as the json report of the same bundle has them'
assert html.contains('// account with additional field') : 'the text of a line with a finding'
def menu = new File(site, 'project-reports.html')
assert menu.isFile() : 'the site has no Project Reports page'
assert menu.text.contains('href="gongcrm.html"') : 'Project Reports does not link the gongcrm report'
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS') : 'findings in a report do not fail the site'
