def log = new File(basedir, 'build.log').text
// module A is checked on its own and passes; module B's deal names an owner its users file lacks, and the
// log names the file relative to module B's base directory, as code-scanning tools resolve it
assert log.contains('gongcrm: No problems found (1 file, 1 object checked).')
assert log =~ /@ module-b ---\s+\[ERROR\] src.main.gongcrm.deals\.ldjson:1:\d+: \[unresolved-reference\] field 'ownerId'/
assert log.contains('module-a') && log.contains('SUCCESS')
assert log.contains('BUILD FAILURE')
