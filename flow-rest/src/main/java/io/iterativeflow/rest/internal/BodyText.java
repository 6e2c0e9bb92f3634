package io.iterativeflow.rest.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A request body as text, decoded with the charset its {@code Content-Type} names (UTF-8 when none): bytes that are not
 * valid in that charset are refused (400), and so is a charset that the server does not know (415), instead of being
 * replaced or failing the request.
 */
public final class BodyText {

    private BodyText() {
    }

    /** The text of {@code body}; an empty string for no body. */
    public static String of(byte[] body, String contentType) {
        if (body == null || body.length == 0) {
            return "";
        }
        Charset charset = charset(contentType);
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new BodyProblem("the body is not valid " + charset.name() + " text; send JSON encoded in UTF-8");
        }
    }

    static Charset charset(String contentType) {
        String name = parameter(contentType, "charset");
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new BodyProblem(415, "the Content-Type names the charset '" + Answers.shown(name) + "', which this"
                    + " server does not know; send JSON encoded in UTF-8 (Content-Type: application/json)");
        }
    }

    /** The value of parameter {@code name} of a media type such as {@code application/json; charset="utf-8"}. */
    static String parameter(String contentType, String name) {
        if (contentType == null) {
            return null;
        }
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            if (equals > 0 && parts[i].substring(0, equals).trim().toLowerCase(Locale.ROOT).equals(name)) {
                String value = parts[i].substring(equals + 1).trim();
                return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1) : value;
            }
        }
        return null;
    }
}
