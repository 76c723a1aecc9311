def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('shipped_at') : 'the report names the missing column'
