// The API was generated into target/generated-sources/qapi, one package per schema module.
def generated = new File(basedir, 'target/generated-sources/qapi/org/example/shop/api')
assert new File(generated, 'Client.java').isFile()
assert new File(generated, 'stock/StockLevel.java').isFile()
assert new File(generated, 'stock/StockServer.java').isFile()
// The shop is a named module: the generated API compiled on the module path, against the
// runtime's exported packages only.
assert new File(basedir, 'target/classes/module-info.class').isFile()
def log = new File(basedir, 'build.log').text
assert log.contains('module-path] to target/classes')
assert log.contains('Tests run: 3, Failures: 0, Errors: 0, Skipped: 0')
return true
