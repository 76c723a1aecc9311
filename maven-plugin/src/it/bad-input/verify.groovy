def log = new File(basedir, 'build.log').text
assert log.contains("undo is 'sometimes'; allowed: required, optional, none") : 'the bad value is named with the allowed ones'
assert !log.contains('PostgreSQL provider') : 'refused before a server starts'
assert !log.contains('\tat ') : 'no stack trace'
