def log = new File(basedir, 'build.log').text
assert log.contains('verified-schema: skipped (verifiedschema.plugin.skip)')
assert !log.contains('PostgreSQL provider') : 'no server is started'
assert !new File(basedir, 'target/verified-schema').exists()
