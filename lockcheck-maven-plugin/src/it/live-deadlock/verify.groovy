def log = new File(basedir, 'build.log').text
assert log.contains('onDeadlock=exit') : 'agentOptions reached the argLine'
assert log.contains('Process Exit Code: 86') : 'the fork was halted by the agent, not left hanging'
assert log =~ /\[ERROR\] .*DeadlockTest\.java:\[\d+,\d+\] LC201 / : 'check reports the live deadlock'
def dir = new File(basedir, 'target/lockcheck')
assert dir.listFiles().any { it.name.startsWith('runtime-') && it.name.endsWith('.json') && it.text.contains('"LC201"') }
return true
