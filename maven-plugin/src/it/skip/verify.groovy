def log = new File(basedir, 'build.log').text
assert log.contains('Skipping gongcrm:validate (gongcrm.skip=true)')
assert !log.contains('[unresolved-reference]')
assert log.contains('BUILD SUCCESS')
