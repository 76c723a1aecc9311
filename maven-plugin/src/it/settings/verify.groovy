def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('the undo and redo steps of 1 of 2 versions') : 'V2 runs without an undo, as undo=optional allows'
def json = new File(basedir, 'target/schema-reports/stairway.json')
assert json.isFile() : 'the JSON report is in reportDirectory'
assert !new File(basedir, 'target/schema-reports/stairway.txt').exists() : 'only the formats asked for'
assert json.text.contains('"passed"')
assert log.contains('full downgrade skipped: disabled') : 'fullDowngrade false is passed on'
