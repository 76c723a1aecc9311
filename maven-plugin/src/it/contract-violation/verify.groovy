def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('shipped_at') : 'the report names the missing column'
assert new File(basedir, 'target/verified-schema/stairway.txt').text.contains('shipped_at') : 'the report is written on failure too'
assert log.contains('[medium] foreign-key-without-index: orders (orders_customer_id_fkey)') :
        'designLintFailOn medium makes the unindexed foreign key a finding'
