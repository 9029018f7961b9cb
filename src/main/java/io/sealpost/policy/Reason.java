package io.sealpost.policy;

/**
 * Why a message is protected: the trigger ({@code subject}, {@code header} or {@code content}),
 * the policy that matched (content only), where it matched ({@code subject}, {@code body},
 * {@code attachment:NAME}, {@code header:NAME}) and the evidence, always masked.
 */
public record Reason(String trigger, String policy, String location, String evidence) {

    public static final String SUBJECT = "subject";
    public static final String HEADER = "header";
    public static final String CONTENT = "content";
}
