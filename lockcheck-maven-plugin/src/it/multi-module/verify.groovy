def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('Tests run: 1, Failures: 0')
['core', 'app'].each { m ->
    assert new File(basedir, "$m/target/lockcheck/lockcheck.html").isFile() : "$m reports"
}
assert new File(basedir, 'core/target/lockcheck').listFiles().any { it.name.startsWith('runtime-') } : 'core tests ran with the agent'
assert (log =~ /lockcheck: 0 error\(s\), 0 warning\(s\)/).count == 2 : 'both modules checked, nothing found'
return true
