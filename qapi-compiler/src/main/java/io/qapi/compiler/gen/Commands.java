package io.qapi.compiler.gen;

import io.qapi.compiler.model.Types.Command;

/** What the client and the server generators share about commands. */
public final class Commands {
    private Commands() {}

    /** Method names for commands, claimed in one interface. */
    public static final class Methods {
        private final NameScope scope;

        public Methods(GenContext ctx, String... reserved) {
            this.scope = new NameScope(ctx.diagnostics(), "method");
            for (String r : reserved) {
                scope.reserve(r, "a name generated code uses");
            }
            for (String r :
                    new String[] {"equals", "hashCode", "toString", "getClass", "notify", "notifyAll", "wait"}) {
                scope.reserve(r, "a method of Object");
            }
        }

        /** Claims the name of a command's asynchronous method. */
        public void claimAsync(Command c, String name) {
            scope.claim(name, "command '" + c.name() + "' (asynchronous)", c.info());
        }

        public String claim(Command c) {
            return scope.claim(JavaNames.camel(c.name()), "command '" + c.name() + "'", c.info());
        }
    }
}
