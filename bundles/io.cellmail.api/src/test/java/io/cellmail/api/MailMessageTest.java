/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailMessageTest {

    @Test
    void shouldKeepRecipientsByTypeInOrder() {
        MailMessage message = MailMessage.builder().to("a@x.org", "b@x.org").cc("c@x.org").bcc("d@x.org").build();

        assertThat(message.recipients(RecipientType.TO)).containsExactly("a@x.org", "b@x.org");
        assertThat(message.recipients(RecipientType.CC)).containsExactly("c@x.org");
        assertThat(message.recipients(RecipientType.BCC)).containsExactly("d@x.org");
        assertThat(message.recipients()).hasSize(4);
    }

    @Test
    void shouldRefuseAMailWithoutRecipients() {
        assertThatThrownBy(() -> MailMessage.builder().subject("x").build())
                .isInstanceOfSatisfying(MailException.class, e -> {
                    assertThat(e.code()).isEqualTo(MailErrorCode.INVALID_MESSAGE);
                    assertThat(e.field()).contains("recipients");
                });
    }

    @Test
    void shouldAcceptTwentyRecipientsAndRefuseTwentyOne() {
        MailMessage.Builder builder = MailMessage.builder();
        IntStream.range(0, 20).forEach(i -> builder.bcc("r" + i + "@x.org"));
        assertThat(builder.build().recipients()).hasSize(20);

        builder.cc("one-too-many@x.org");
        assertThatThrownBy(builder::build).isInstanceOf(MailException.class).hasMessageContaining("got 21");
    }

    @Test
    void shouldChooseAsciiForPlainTextAndUtf8OtherwiseUnlessGiven() {
        assertThat(MailMessage.builder().to("a@x.org").subject("Pump 3").body("7.9 bar\r\n").build().charset())
                .isEqualTo(MailCharset.ASCII);
        assertThat(MailMessage.builder().to("a@x.org").subject("Pumpe überhitzt").build().charset())
                .isEqualTo(MailCharset.UTF_8);
        assertThat(MailMessage.builder().to("a@x.org").subject("Quote \"x\"").build().charset())
                .isEqualTo(MailCharset.ASCII);
        assertThat(MailMessage.builder().to("a@x.org").body("bell\u0007").build().charset())
                .isEqualTo(MailCharset.UTF_8);
        assertThat(MailMessage.builder().to("a@x.org").subject("泵").charset(MailCharset.GB2312).build().charset())
                .isEqualTo(MailCharset.GB2312);
    }

    @Test
    void shouldNotLetCallersChangeAnAttachmentAfterTheFact() {
        byte[] content = {1, 2, 3};
        MailMessage message = MailMessage.builder().to("a@x.org").attach("log.bin", content).build();

        content[0] = 9;
        message.attachments().get(0).content()[1] = 9;

        assertThat(message.attachments().get(0).content()).containsExactly(1, 2, 3);
        assertThat(message.attachments().get(0).size()).isEqualTo(3);
    }

    @Test
    void shouldDefaultToNormalPriorityEmptyTextAndNoSenderOverride() {
        MailMessage message = MailMessage.builder().to("a@x.org").build();

        assertThat(message.priority()).isEqualTo(Priority.NORMAL);
        assertThat(message.subject()).isEmpty();
        assertThat(message.body()).isEmpty();
        assertThat(message.senderAddress()).isEmpty();
        assertThat(message.senderName()).isEmpty();
    }

    @Test
    void shouldBeEqualByValue() {
        MailMessage a = MailMessage.builder().id("m1").to("a@x.org").subject("s").attach("f", new byte[] {1}).build();
        MailMessage b = MailMessage.builder().id("m1").to("a@x.org").subject("s").attach("f", new byte[] {1}).build();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }

    @Test
    void shouldGiveEveryMessageAUniqueIdUnlessTheCallerChoosesOne() {
        MailMessage first = MailMessage.builder().to("a@x.org").build();
        MailMessage second = MailMessage.builder().to("a@x.org").build();

        assertThat(first.id()).isNotEqualTo(second.id()).matches(MailMessage.ID_PATTERN);
        assertThat(first).isNotEqualTo(second);
        assertThat(MailMessage.builder().id("pump3-overpressure.1702").to("a@x.org").build().id())
                .isEqualTo("pump3-overpressure.1702");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".hidden", "../etc/passwd", "a/b", "with space", "quote\"", "cr\rlf"})
    void shouldRefuseIdsThatCouldEscapeTheOutboxOrAnAtCommand(String id) {
        assertThatThrownBy(() -> MailMessage.builder().id(id))
                .isInstanceOfSatisfying(MailException.class, e -> assertThat(e.field()).contains("id"));
    }
}
