package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.core.json.StorableText;

/**
 * Checks the texts a caller hands the engine (idempotency keys, tags, names, reasons, delivery ids, filters): a text
 * the store cannot keep as sent is refused with {@code ARGUMENT_INVALID} before anything is written.
 */
final class Texts {

    private Texts() {
    }

    /** {@code text} itself when it is null or storable; otherwise {@code ARGUMENT_INVALID} naming {@code what}. */
    static String check(String what, String text) {
        String problem = StorableText.problem(text);
        if (problem != null) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, what + " " + problem);
        }
        return text;
    }
}
