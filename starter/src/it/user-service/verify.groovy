// The two builds share build.log. The first passed all three test classes; the second failed
// each of them because the schema was BEHIND, not for some other reason.
def log = new File(basedir, 'build.log').text
def firstBuild = log.substring(0, log.indexOf('BUILD SUCCESS'))
def secondBuild = log.substring(log.indexOf('BUILD SUCCESS'))

assert firstBuild.contains('Tests run: 3, Failures: 0, Errors: 0, Skipped: 0')
assert firstBuild.contains('migrating, then serving: this is a Spring test context')
assert !firstBuild.contains('Database verification mode')

assert secondBuild.contains('BUILD FAILURE')
assert secondBuild.contains('Database verification mode - checking database is ready')
assert secondBuild.contains("The database schema is not ready: state 'BEHIND'")
assert secondBuild.contains('Tests run: 3, Failures: 0, Errors: 3, Skipped: 0')
return true
