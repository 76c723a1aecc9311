def log = new File(basedir, 'build.log').text
assert log.contains('every forward, undo and redo step held') : 'the passing set is reported as held'
assert log.contains('the contract holds at head')
def json = new File(basedir, 'target/verified-schema/stairway.json')
assert json.isFile() : 'the JSON report is written'
assert json.text.contains('"passed"')
assert new File(basedir, 'target/verified-schema/stairway.txt').isFile()
def docs = new File(basedir, 'target/verified-schema/schema.html')
assert docs.isFile() : 'schemaDocs writes the head\'s documentation next to the reports'
assert docs.text.contains('orders_customer_idx')
assert new File(basedir, 'target/verified-schema/schema.txt').text.contains('placed_at')
