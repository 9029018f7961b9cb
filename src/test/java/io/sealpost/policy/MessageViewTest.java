package io.sealpost.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageViewTest {

    @Test
    void unencodedUtf8HeadersReadAsUtf8() throws Exception {
        MimeMessage message = MessageView.parse(("From: José Müller <jose@corp.example>\r\n"
                + "Subject: Verträge für 日本\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8));
        assertEquals("Verträge für 日本", message.getSubject());
        assertEquals("José Müller", ((InternetAddress) message.getFrom()[0]).getPersonal());
    }
}
