def log = new File(basedir, 'build.log').text
assert log.contains('No Gong CRM data found: looked for *.ldjson, *.jsonl, *.ndjson and *.schema.json in ')
assert log.contains('src' + File.separator + 'main' + File.separator + 'gongcrm')
assert log.contains('failIfNoFiles=false')
