def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('undo of V2 did not restore the schema of V1.1') : 'the report names the broken undo'
assert log.contains('placed_at')
assert new File(basedir, 'target/verified-schema/stairway.txt').text.contains('did not restore the schema')
