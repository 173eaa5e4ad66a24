// A runtime report an earlier build left behind (a lock-order inversion since fixed): prepare-agent must
// delete it, or check would merge it and fail a build that has nothing to report.
def dir = new File(basedir, 'target/lockcheck')
dir.mkdirs()
new File(dir, 'runtime-1.json').text = '''{
  "schema" : "lockcheck-report/1",
  "tool" : { "name" : "lockcheck", "version" : "0.1.0" },
  "source" : "runtime",
  "findings" : [ {
    "ruleId" : "LC204",
    "severity" : "error",
    "message" : "locks taken in opposite orders: STALE finding of an earlier build",
    "location" : { "file" : "acme/Counter.java", "line" : 9, "column" : 1 },
    "fingerprint" : "stale00000000000000000001"
  } ],
  "errors" : [ ],
  "warnings" : [ ]
}
'''
return true
