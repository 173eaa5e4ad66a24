def log = new File(basedir, 'build.log').text
assert log.contains('lockcheck: skipped (argLine set to empty)') : 'invocation 1 skipped and defined argLine'
assert log.contains('lockcheck: deleted 1 runtime report(s) of an earlier build') : 'the stale report was deleted'
assert !log.contains('STALE') : 'the stale finding is not reported'
assert log.contains('lockcheck: 1 runtime report(s) of the test JVMs merged')
assert !log.contains('no test JVM ran the agent')
assert log.contains('lockcheck: 0 error(s), 0 warning(s)')
def dir = new File(basedir, 'target/lockcheck')
def reports = dir.listFiles().findAll { it.name.startsWith('runtime-') && it.name.endsWith('.json') }
assert reports.size() == 1 && reports[0].name != 'runtime-1.json' : 'only this build\'s test JVM report: ' + reports*.name
return true
