def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('the undo and redo steps of 1 of 2 versions') : 'V2 runs without an undo, as undo=optional allows'
def json = new File(basedir, 'target/schema-reports/stairway.json')
assert json.isFile() : 'the JSON report is in reportDirectory'
assert !new File(basedir, 'target/schema-reports/stairway.txt').exists() : 'only the formats asked for'
assert json.text.contains('"passed"')
def junit = new File(basedir, 'target/schema-reports/TEST-verified-schema.xml')
assert junit.isFile() : 'junit in formats writes the JUnit XML'
def xml = junit.text
javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit) // well-formed
assert xml.contains('<testcase classname="verified-schema.verify.V1" name="forward"')
assert xml =~ /<testcase classname="verified-schema.verify.V2" name="undo">\s*<skipped message="no undo script"\/>/ :
        'a step that did not run is skipped, with why'
assert xml.contains('failures="0"')
assert log.contains('full downgrade skipped: disabled') : 'fullDowngrade false is passed on'
