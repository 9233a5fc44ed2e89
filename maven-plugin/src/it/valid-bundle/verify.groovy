def log = new File(basedir, 'build.log').text
assert log.contains('gongcrm: No problems found (8 files, 12 objects checked).')
assert log.contains('BUILD SUCCESS')
