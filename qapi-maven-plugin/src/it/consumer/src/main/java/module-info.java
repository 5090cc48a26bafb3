/**
 * The shop as a named module: its generated API compiles on the module path against the
 * runtime's exported packages, and its tests run there too.
 */
// tag::module[]
module org.example.shop {
    // The generated API's signatures name runtime and Jackson types, so its readers read them too.
    requires transitive io.qapi.runtime;
    // Generated types carry @Generated (java.compiler), which is not needed at run time.
    requires static transitive java.compiler;

    exports org.example.shop.api;
    exports org.example.shop.api.stock;
}
// end::module[]
