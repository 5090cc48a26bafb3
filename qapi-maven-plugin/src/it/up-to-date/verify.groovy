// Build 1 generates, build 2 is up to date, build 3 (another configuration, same output) finds every
// file's inputs unchanged in the source index: it neither builds nor writes any.
def log = new File(basedir, 'build.log').text
def runs = log.findAll(/qapi: .*/)
assert runs.size() == 3 : runs
assert runs[0].matches(/qapi: \d+ files from 1 schema: \d+ written, 0 unchanged, 0 reused, 0 deleted .*/) : runs[0]
assert runs[1].startsWith('qapi: up to date (1 schema') : runs[1]
assert runs[2].matches(/qapi: (\d+) files from 1 schema: 0 written, 0 unchanged, \1 reused, 0 deleted .*/) : runs[2]
// No generated file is younger than build 1: builds 2 and 3 rewrote none of them.
def state = new File(basedir, 'target/qapi-state/generate-default')
def files = []
new File(basedir, 'target/generated-sources/qapi').eachFileRecurse { if (it.name.endsWith('.java')) files << it }
assert files.size() > 3
files.each { assert it.lastModified() < state.lastModified() - 500 : "${it} was rewritten" }
return true
