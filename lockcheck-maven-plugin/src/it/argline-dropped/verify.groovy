def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0') : 'the test ran'
assert log =~ /\[WARNING\] lockcheck: the tests ran but no runtime report is in target\/lockcheck: no test JVM ran the agent/
assert log.contains('keep @{argLine}')
return true
