def log = new File(basedir, 'build.log').text
assert log =~ /\[WARNING\] .*accounts\.ldjson:1:74: \[url-format\]/
assert log.contains("gongcrm found 1 violation(s) at or above 'warning'")
assert log.contains('BUILD FAILURE')
