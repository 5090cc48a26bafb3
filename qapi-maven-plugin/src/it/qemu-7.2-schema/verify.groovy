def classes = new File(basedir, 'target/classes/org/qemu/qmp')
assert new File(classes, 'Client.class').isFile()
assert new File(classes, 'block_core/BlockdevOptions.class').isFile()
assert new File(classes, 'Introspection.class').isFile()
return true
