// Build 2 saw the included file change: Plant was regenerated, Weed's file deleted.
def log = new File(basedir, 'build.log').text
def runs = log.findAll(/qapi: .*/)
assert runs.size() == 2 : runs
assert runs[1].matches(/qapi: \d+ files from 1 schema: 1 written, \d+ unchanged, \d+ reused, 1 deleted .*/) : runs[1]
def dir = new File(basedir, 'target/generated-sources/qapi/org/example/garden/plants')
assert new File(dir, 'Plant.java').text.contains('height')
assert !new File(dir, 'Weed.java').exists()
return true
