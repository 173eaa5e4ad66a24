def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0') : 'the test itself passes'
assert log =~ /\[ERROR\] .*LC204 LockOrderInversion/ : 'the runtime finding in the log'
assert log.contains('lockcheck found')
def dir = new File(basedir, 'target/lockcheck')
assert dir.listFiles().any { it.name.startsWith('runtime-') && it.name.endsWith('.json') } : 'the test JVM wrote its report'
def json = new File(dir, 'lockcheck.json').text
assert json.contains('"ruleId" : "LC204"')
assert json.contains('src/main/java/acme/Ledger.java') : 'runtime paths resolved to the project path'
return true
