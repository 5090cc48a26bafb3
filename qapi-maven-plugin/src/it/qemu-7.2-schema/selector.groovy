// QEMU's schemas are test material beside the repository (../shared), not part of it.
// This project runs in qapi-maven-plugin/target/<it dir>/qemu-7.2-schema.
def shared = new File(basedir, '../../../../../shared/qemu/v7.2.0/qapi/qapi-schema.json').canonicalFile
if (!shared.isFile()) {
    println "Skipping: QEMU's schema not found at ${shared} (../shared beside the repository)"
    return false
}
return true
