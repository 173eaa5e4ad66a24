def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR]') && log =~ /Feed\.java:\[14,\d+\] LC001 ReadLockAcrossHandoff/ : 'the finding in Maven format'
assert log.contains('lockcheck found 1 error(s)')
['lockcheck.json', 'lockcheck.sarif', 'lockcheck.html'].each {
    assert new File(basedir, "target/lockcheck/$it").isFile() : "target/lockcheck/$it"
}
def sarif = new File(basedir, 'target/lockcheck/lockcheck.sarif').text
assert sarif =~ /"uri" : "([^"\/][^"]*\/)?src\/main\/java\/acme\/Feed\.java"/ : 'repository-relative SARIF path'
assert !sarif.contains('file:/') && !sarif.contains(basedir.absolutePath) : 'no absolute path in SARIF'
return true
