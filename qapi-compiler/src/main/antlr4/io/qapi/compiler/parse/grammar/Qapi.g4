/*
 * The file syntax of QAPI schemas: QEMU's JSON dialect.
 *
 * Differences from JSON: strings use single quotes and know a single escape (a doubled
 * backslash); '#' starts a comment that runs to the end of the line; there are no numbers
 * and no null. A comment that starts with '##' is a documentation comment. It is a real
 * token, because documentation blocks are part of the schema; other comments go to a
 * hidden channel where the documentation reader still finds them.
 *
 * The grammar recognises syntax only. Lexical problems (a bad escape, an unterminated
 * string, a stray character) are turned into error tokens by QapiTokenizer, so that the
 * first problem in reading order is the one reported, as QEMU's one-pass reader does.
 */
grammar Qapi;


/** One top-level item: a documentation comment line, or a JSON value. */
item
    : DOC_COMMENT
    | value
    ;

value
    : object
    | array
    | STRING
    | TRUE
    | FALSE
    ;

object
    : LBRACE ( pair ( COMMA pair )* )? RBRACE
    ;

pair
    : STRING COLON value
    ;

array
    : LBRACK ( value ( COMMA value )* )? RBRACK
    ;

LBRACE : '{' ;
RBRACE : '}' ;
LBRACK : '[' ;
RBRACK : ']' ;
COLON  : ':' ;
COMMA  : ',' ;

// QEMU recognises the literals by prefix: 'trueish' reads as 'true' followed by a stray word.
TRUE  : 'true' ;
FALSE : 'false' ;

// Any escape is accepted here; QapiTokenizer rejects all but the doubled backslash, and
// characters outside printable ASCII, in the order QEMU meets them.
STRING
    : '\'' ( '\\' ~[\n] | ~[\\'\n] )* '\''
    ;

// A string that reaches the end of its line without a closing quote.
UNTERMINATED_STRING
    : '\'' ( '\\' ~[\n] | ~[\\'\n] )* '\\'?
    ;

DOC_COMMENT
    : '##' ~[\n]*
    ;

COMMENT
    : '#' ~[\n]* -> channel(HIDDEN)
    ;

// The characters Python's str.isspace() accepts; only '\n' ends a line.
WS
    : [ \t\r\n\u000B\u000C\u001C-\u001F\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+ -> skip
    ;

// Anything else: QapiTokenizer reports it as a stray word.
STRAY
    : .
    ;
