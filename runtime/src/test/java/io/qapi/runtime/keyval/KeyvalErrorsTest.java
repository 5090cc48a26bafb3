package io.qapi.runtime.keyval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every message, with the input that earns it; "-" in the second column means no implied key. */
class KeyvalErrorsTest {
    private static final String LONG = "a".repeat(127) + "z";

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            =val                   | -       | Invalid parameter ''
            =val                   | implied | Invalid parameter ''
            ","                    | -       | Invalid parameter ''
            ","                    | implied | Invalid parameter ''
            ",,,a=1"               | implied | Invalid parameter ''
            "val,,ue"              | implied | Invalid parameter ''
            "a=1,,,b"              | -       | Expected '=' after parameter 'b'
            "a,,b"                 | implied | Invalid parameter ''
            .                      | -       | Invalid parameter '.'
            key.                   | -       | Invalid parameter 'key.'
            .a=1                   | -       | Invalid parameter '.a'
            a..b=1                 | -       | Invalid parameter 'a..b'
            7up=val                | -       | Invalid parameter '7up'
            0=1                    | -       | Invalid parameter '0'
            key[0]=val             | -       | Invalid parameter 'key[0]'
            a b=1                  | -       | Invalid parameter 'a b'
            a.1b=1                 | -       | Invalid parameter 'a.1b'
            a.-b=1                 | -       | Invalid parameter 'a.-b'
            _x=1                   | -       | Invalid parameter '_x'
            __x=1                  | -       | Invalid parameter '__x'
            __a.b.c=1              | -       | Invalid parameter '__a.b.c'
            é=1                    | -       | Invalid parameter 'é'
            x=1,x.a b=2            | -       | Invalid parameter 'x.a b'
            a=1,b=2,c d            | -       | Invalid parameter 'c d'
            an,noaus,noaus=        | -       | Expected '=' after parameter 'an'
            no                     | -       | Expected '=' after parameter 'no'
            help.abc               | -       | Expected '=' after parameter 'help.abc'
            a.b                    | -       | Expected '=' after parameter 'a.b'
            a,b=1                  | -       | Expected '=' after parameter 'a'
            a=1,helpme             | -       | Expected '=' after parameter 'helpme'
            a=1,b                  | implied | Expected '=' after parameter 'b'
            help,x                 | -       | Expected '=' after parameter 'x'
            a.b=1,a=2              | -       | Parameters 'a.*' used inconsistently
            a=1,a.b=2              | -       | Parameters 'a.*' used inconsistently
            a=1,a.b                | -       | Parameters 'a.*' used inconsistently
            a.b=1,a.b.c=2          | -       | Parameters 'a.b.*' used inconsistently
            x.y=1,x.y.z.w=2        | -       | Parameters 'x.y.*' used inconsistently
            x.y.z=1,x.y=2          | -       | Parameters 'x.y.*' used inconsistently
            node,type.x=1          | type    | Parameters 'type.*' used inconsistently
            a.b.c=1,a.b.0=2        | -       | Parameters 'a.b.*' used inconsistently
            a.0.c=1,a.b.c=2        | -       | Parameters 'a.*' used inconsistently
            l.0=x,l.0.y=z          | -       | Parameters 'l.0.*' used inconsistently
            list.1=lonely          | -       | Parameter 'list.0' missing
            list.0=null,list.2=eins,list.02=zwei | - | Parameter 'list.1' missing
            l.0=a,l.99999999999999999999=b | - | Parameter 'l.1' missing
            a.b.5=x                | -       | Parameter 'a.b.0' missing
            l.0.1=x                | -       | Parameter 'l.0.0' missing
            help                   | -       | Help is not available for this option
            help                   | implied | Help is not available for this option
            ?                      | implied | Help is not available for this option
            a=1,?                  | -       | Help is not available for this option
            help,l.1=x             | -       | Help is not available for this option
            """)
    void messages(String params, String impliedKey, String message) {
        String implied = impliedKey.equals("-") ? null : impliedKey;
        QmpErrors.assertGeneric(message, () -> Keyval.parse(params, implied));
    }

    @Test
    void keysAndFragmentsOver127CharactersAreTooLong() {
        QmpErrors.assertGeneric("Parameter '" + LONG + "' is too long", () -> Keyval.parse(LONG + "=v"));
        QmpErrors.assertGeneric(
                "Parameter fragment '" + LONG + "' is too long", () -> Keyval.parse("k." + LONG + "=v"));
        QmpErrors.assertGeneric("Parameter fragment '" + LONG + "' is too long", () -> Keyval.parse(LONG + ".k=v"));
        String digits = "1".repeat(128);
        QmpErrors.assertGeneric(
                "Parameter fragment '" + digits + "' is too long", () -> Keyval.parse("k." + digits + "=v"));
        // The length is checked before the member it would go into.
        QmpErrors.assertGeneric(
                "Parameter fragment '" + LONG + "' is too long", () -> Keyval.parse("k=1,k." + LONG + "=v"));
    }

    @Test
    void anInvalidKeyIsReportedBeforeTheValueItLacks() {
        QmpErrors.assertGeneric("Invalid parameter 'a b'", () -> Keyval.parse("a b"));
    }
}
