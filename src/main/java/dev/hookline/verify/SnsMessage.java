package dev.hookline.verify;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * One Amazon SNS message as posted to an HTTP(S) subscriber, and the string its signature covers: the named fields,
 * each as {@code name\nvalue\n}, in the order AWS documents for its type ({@code Subject} only when present).
 */
record SnsMessage(JsonObject json, String type) {

    private static final List<String> NOTIFICATION = List.of("Message", "MessageId", "Subject", "Timestamp",
            "TopicArn", "Type");
    private static final List<String> CONFIRMATION = List.of("Message", "MessageId", "SubscribeURL", "Timestamp",
            "Token", "TopicArn", "Type");

    static final String SUBSCRIPTION_CONFIRMATION = "SubscriptionConfirmation";
    static final String UNSUBSCRIBE_CONFIRMATION = "UnsubscribeConfirmation";
    static final String NOTIFICATION_TYPE = "Notification";

    static SnsMessage parse(byte[] body) throws SignatureRejected {
        JsonObject json = JsonBody.object(body)
                .orElseThrow(() -> SignatureRejected.malformed("the body is not an SNS message"));
        String type = JsonBody.text(json, "Type");
        if (!NOTIFICATION_TYPE.equals(type) && !SUBSCRIPTION_CONFIRMATION.equals(type)
                && !UNSUBSCRIBE_CONFIRMATION.equals(type)) {
            throw SignatureRejected.malformed("the body's Type is not an SNS message type");
        }
        return new SnsMessage(json, type);
    }

    String field(String name) {
        return JsonBody.text(json, name);
    }

    String require(String name) throws SignatureRejected {
        String value = field(name);
        if (value == null || value.isEmpty()) {
            throw SignatureRejected.malformed("the SNS message has no " + name);
        }
        return value;
    }

    /** What AWS signed. */
    String signedString() throws SignatureRejected {
        StringBuilder signed = new StringBuilder(512);
        for (String name : NOTIFICATION_TYPE.equals(type) ? NOTIFICATION : CONFIRMATION) {
            String value = field(name);
            if (value == null) {
                if (name.equals("Subject")) {
                    continue;
                }
                throw SignatureRejected.malformed("the SNS message has no " + name);
            }
            signed.append(name).append('\n').append(value).append('\n');
        }
        return signed.toString();
    }
}
