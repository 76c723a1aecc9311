def log = new File(basedir, 'build.log').text
assert log.contains('127.0.0.1:1') : 'the failure names the server'
assert log.contains('****') : 'the password is masked where it appears'
assert !log.contains('hunter2-secret') : 'the password appears nowhere, -e stack traces included'
