// Only what HAVE_RADIO keeps, and only types and the client.
def dir = new File(basedir, 'target/generated-sources/qapi/org/example/cond')
assert new File(dir, 'Radio.java').isFile()
assert !new File(dir, 'Television.java').exists()
def console = new File(dir, 'Console.java').text
assert console.contains('Optional<Radio> radio')
assert !console.contains('tv')
assert new File(dir, 'Client.java').isFile()
assert !new File(dir, 'Server.java').exists()
assert !new File(dir, 'Dispatcher.java').exists()
assert !new File(dir, 'Events.java').exists()
assert new File(basedir, 'target/classes/org/example/cond/Console.class').isFile()
return true
