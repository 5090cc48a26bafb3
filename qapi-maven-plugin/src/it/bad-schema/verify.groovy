// The error is in the log as FILE:LINE:COL: message, and the build failed with a summary.
def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'src/main/qapi/parts.json').canonicalPath
assert log.contains("[ERROR] ${file}:3:27: expected ',' or '}'") : log
assert log.contains('qapi: 1 error in QAPI schemas (see above)')
// A one-line summary, no stack trace.
assert !log.contains('\tat ') && !log.contains('Caused by:')
return true
