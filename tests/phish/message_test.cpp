// SPDX-License-Identifier: Apache-2.0
// The e-mail model (GMime underneath): headers, addresses, encoded words, bodies and charsets,
// attachments, nesting, limits, damaged input, and the mbox / Maildir / .eml readers. Every
// message is built here from small byte strings.
#include "phish/message.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::phish {
namespace {

Message parse_ok(std::string_view bytes, const MessageLimits& limits = {}) {
  auto m = parse_message(bytes, "test.eml", limits);
  EXPECT_TRUE(m) << (m ? "" : m.error().to_string());
  return m ? std::move(*m) : Message{};
}

bool has_note(const Message& m, std::string_view needle) {
  for (const auto& n : m.notes) {
    if (n.find(needle) != std::string::npos) return true;
  }
  return false;
}

std::string all_notes(const Message& m) {
  std::string s;
  for (const auto& n : m.notes) s += n + "\n";
  return s;
}

// A message whose body is the message `inner`, `levels` times over (message/rfc822).
std::string nest_rfc822(int levels) {
  std::string msg = "From: level0@example.org\r\nSubject: level 0\r\n\r\nthe innermost text\r\n";
  for (int level = 1; level <= levels; ++level) {
    msg = "From: level" + std::to_string(level) + "@example.org\r\nSubject: level " +
          std::to_string(level) + "\r\nMIME-Version: 1.0\r\nContent-Type: message/rfc822\r\n\r\n" +
          msg;
  }
  return msg;
}

int embedded_depth(const Message& m) {
  int depth = 0;
  const Message* cur = &m;
  while (!cur->embedded.empty()) {
    cur = &cur->embedded.front();
    ++depth;
  }
  return depth;
}

TEST(MessageHeaders, AddressesSubjectAndRawValues) {
  auto m = parse_ok(
      "Return-Path: <Bounce+abc@Mail.Example.NET>\r\n"
      "Received: from a.example by b.example;\r\n"
      "\tTue, 1 Apr 2025 10:00:00 +0000\r\n"
      "From: \"PayPal Service\" <Service@PayPa1-Secure.XYZ>\r\n"
      "Reply-To: Helpdesk <help@freemail.example>, other@two.example\r\n"
      "Sender: relay@lists.example.org\r\n"
      "To: someone@example.com\r\n"
      "Subject: =?utf-8?q?Your_account_is_=E2=9A=A0_locked?=\r\n"
      "List-Id: Announcements <announce.lists.example.org>\r\n"
      "Message-ID: <1234@mail.example.net>\r\n"
      "\r\n"
      "Hello\r\n");
  ASSERT_EQ(m.from.size(), 1u);
  EXPECT_EQ(m.from[0].display_name, "PayPal Service");
  EXPECT_EQ(m.from[0].address, "Service@PayPa1-Secure.XYZ");
  EXPECT_EQ(m.from[0].domain, "paypa1-secure.xyz");
  ASSERT_EQ(m.reply_to.size(), 2u);
  EXPECT_EQ(m.reply_to[0].display_name, "Helpdesk");
  EXPECT_EQ(m.reply_to[0].domain, "freemail.example");
  EXPECT_EQ(m.reply_to[1].address, "other@two.example");
  EXPECT_EQ(m.reply_to[1].display_name, "");
  ASSERT_EQ(m.sender.size(), 1u);
  EXPECT_EQ(m.sender[0].domain, "lists.example.org");
  EXPECT_EQ(m.return_path, "Bounce+abc@Mail.Example.NET");
  EXPECT_EQ(m.subject, "Your account is \xE2\x9A\xA0 locked");
  EXPECT_EQ(m.list_id, "Announcements <announce.lists.example.org>");
  EXPECT_EQ(m.message_id, "1234@mail.example.net");
  EXPECT_FALSE(m.encoded_from_hides_address);

  ASSERT_GE(m.headers.size(), 9u);
  EXPECT_EQ(m.headers[0].name, "Return-Path");
  EXPECT_EQ(m.headers[1].name, "Received");
  EXPECT_EQ(m.headers[1].value, "from a.example by b.example; Tue, 1 Apr 2025 10:00:00 +0000");
  auto subjects = m.header_values("SUBJECT");
  ASSERT_EQ(subjects.size(), 1u);
  EXPECT_EQ(subjects[0], "=?utf-8?q?Your_account_is_=E2=9A=A0_locked?=");
  EXPECT_TRUE(m.header_values("X-Missing").empty());
  ASSERT_EQ(m.text_parts.size(), 1u);
  EXPECT_EQ(m.text_parts[0].text, "Hello\r\n");
  EXPECT_EQ(m.text_parts[0].content_type, "text/plain");
  EXPECT_TRUE(m.notes.empty()) << all_notes(m);
}

TEST(MessageHeaders, RepeatedHeadersKeepOrder) {
  auto m = parse_ok(
      "Authentication-Results: mx.example.com; spf=pass\n"
      "Authentication-Results: forged.example; dkim=pass\n"
      "From: a@b.example\n\nx\n");
  auto ar = m.header_values("authentication-results");
  ASSERT_EQ(ar.size(), 2u);
  EXPECT_EQ(ar[0], "mx.example.com; spf=pass");
  EXPECT_EQ(ar[1], "forged.example; dkim=pass");
}

TEST(MessageHeaders, ReturnPathEmptyAndGroupSyntax) {
  auto m = parse_ok(
      "Return-Path: <>\n"
      "From: Team: Alice <alice@one.example>, bob@Two.Example;\n\nbody\n");
  EXPECT_EQ(m.return_path, "");
  ASSERT_EQ(m.from.size(), 2u);
  EXPECT_EQ(m.from[0].address, "alice@one.example");
  EXPECT_EQ(m.from[1].domain, "two.example");
}

TEST(MessageHeaders, EncodedDisplayNameHidingAnAddress) {
  // "security@paypal.com" in base64 inside an RFC 2047 word: a plain-text filter sees no '@'.
  auto m = parse_ok(
      "From: =?utf-8?b?c2VjdXJpdHlAcGF5cGFsLmNvbQ==?= <alerts@paypa1-secure.xyz>\n"
      "Subject: hi\n\nbody\n");
  ASSERT_EQ(m.from.size(), 1u);
  EXPECT_EQ(m.from[0].display_name, "security@paypal.com");
  EXPECT_EQ(m.from[0].domain, "paypa1-secure.xyz");
  EXPECT_TRUE(m.encoded_from_hides_address);

  // Same name, not encoded: visible to any filter, so not "hidden".
  auto plain = parse_ok("From: \"security@paypal.com\" <alerts@paypa1-secure.xyz>\n\nbody\n");
  EXPECT_EQ(plain.from[0].display_name, "security@paypal.com");
  EXPECT_FALSE(plain.encoded_from_hides_address);

  // Encoded, but no '@' inside.
  auto name = parse_ok("From: =?iso-8859-1?q?Ren=E9_Dupont?= <rene@example.fr>\n\nbody\n");
  EXPECT_EQ(name.from[0].display_name, "Ren\xC3\xA9 Dupont");
  EXPECT_FALSE(name.encoded_from_hides_address);

  // Fullwidth commercial at (U+FF20), quoted-printable.
  auto wide = parse_ok("From: =?utf-8?q?admin=EF=BC=A0bank.example?= <x@evil.example>\n\nb\n");
  EXPECT_TRUE(wide.encoded_from_hides_address);
}

TEST(MessageHeaders, MalformedFromIsSalvaged) {
  auto comma = parse_ok("From: Europa Park,(<noreply@DHL.de>)\nTo: x@y.example\n\nb\n");
  ASSERT_EQ(comma.from.size(), 1u);
  EXPECT_EQ(comma.from[0].display_name, "Europa Park");
  EXPECT_EQ(comma.from[0].address, "noreply@DHL.de");
  EXPECT_EQ(comma.from[0].domain, "dhl.de");
  EXPECT_EQ(comma.notes, (std::vector<std::string>{
                             "the From header (Europa Park,(<noreply@DHL.de>)) is malformed; read "
                             "as the address noreply@DHL.de"}));

  auto nested = parse_ok("From: Congratulations!  <vfuloCN@<noreply@digid.nl>\n\nb\n");
  ASSERT_EQ(nested.from.size(), 1u);
  EXPECT_EQ(nested.from[0].address, "noreply@digid.nl");

  auto empty_addr = parse_ok("From: =?UTF-8?B?S2xhbnRlbnNlcnZpY2U=?= <>\n\nb\n");
  ASSERT_EQ(empty_addr.from.size(), 1u);
  EXPECT_EQ(empty_addr.from[0].display_name, "Klantenservice");
  EXPECT_EQ(empty_addr.from[0].address, "");
  EXPECT_EQ(empty_addr.from[0].domain, "");
  EXPECT_TRUE(has_note(empty_addr, "read as a name with no address")) << all_notes(empty_addr);

  // A recipient list GMime cannot read is not noted (the corpus' anonymised To: would leak).
  auto to = parse_ok("From: a@b.example\nTo: phishing@pot@hotmail.com\n\nb\n");
  EXPECT_TRUE(to.notes.empty()) << all_notes(to);
}

TEST(MessageBodies, AlternativeWithQuotedPrintableAndBase64) {
  // base64 of "<p>Caf\xC3\xA9 <a href=\"http://x.example/\">here</a></p>"
  auto m = parse_ok(
      "From: a@b.example\r\n"
      "MIME-Version: 1.0\r\n"
      "Content-Type: multipart/alternative; boundary=\"XX\"\r\n"
      "\r\n"
      "preamble\r\n"
      "--XX\r\n"
      "Content-Type: text/plain; charset=utf-8\r\n"
      "Content-Transfer-Encoding: quoted-printable\r\n"
      "\r\n"
      "Caf=C3=A9 soft=\r\n"
      "break =3D equals\r\n"
      "--XX\r\n"
      "Content-Type: text/html; charset=\"UTF-8\"\r\n"
      "Content-Transfer-Encoding: base64\r\n"
      "\r\n"
      "PHA+Q2Fmw6kgPGEgaHJlZj0iaHR0cDovL3guZXhhbXBsZS8iPmhlcmU8L2E+PC9wPg==\r\n"
      "--XX--\r\n");
  ASSERT_EQ(m.text_parts.size(), 1u);
  EXPECT_EQ(m.text_parts[0].text, "Caf\xC3\xA9 softbreak = equals");
  EXPECT_EQ(m.text_parts[0].charset, "utf-8");
  ASSERT_EQ(m.html_parts.size(), 1u);
  EXPECT_EQ(m.html_parts[0].text, "<p>Caf\xC3\xA9 <a href=\"http://x.example/\">here</a></p>");
  EXPECT_EQ(m.html_parts[0].content_type, "text/html");
  EXPECT_FALSE(m.html_parts[0].truncated);
  EXPECT_TRUE(m.attachments.empty());
  EXPECT_TRUE(m.notes.empty()) << all_notes(m);
}

TEST(MessageBodies, Latin1AndWindows1252) {
  auto latin1 = parse_ok(
      "From: a@b.example\nContent-Type: text/plain; charset=iso-8859-1\n"
      "Content-Transfer-Encoding: 8bit\n\ncaf\xE9 \xA3"
      "5\n");
  ASSERT_EQ(latin1.text_parts.size(), 1u);
  EXPECT_EQ(latin1.text_parts[0].text,
            "caf\xC3\xA9 \xC2\xA3"
            "5\n");

  auto cp1252 = parse_ok(
      "From: a@b.example\nContent-Type: text/html; charset=windows-1252\n"
      "Content-Transfer-Encoding: quoted-printable\n\n=80 =93quoted=94\n");
  ASSERT_EQ(cp1252.html_parts.size(), 1u);
  EXPECT_EQ(cp1252.html_parts[0].text, "\xE2\x82\xAC \xE2\x80\x9Cquoted\xE2\x80\x9D\n");
  EXPECT_TRUE(cp1252.notes.empty()) << all_notes(cp1252);

  // Declared latin-1 but using windows-1252's curly quotes (common): read as windows-1252.
  auto mislabelled =
      parse_ok("From: a@b.example\nContent-Type: text/plain; charset=ISO-8859-1\n\n\x93hi\x94\n");
  EXPECT_EQ(mislabelled.text_parts[0].text, "\xE2\x80\x9Chi\xE2\x80\x9D\n");
}

TEST(MessageBodies, WrongAndMissingCharsets) {
  auto undeclared = parse_ok("From: a@b.example\nContent-Type: text/plain\n\ncaf\xE9\n");
  EXPECT_EQ(undeclared.text_parts[0].text, "caf\xC3\xA9\n");
  EXPECT_TRUE(has_note(undeclared, "declares no charset but has 8-bit bytes"))
      << all_notes(undeclared);

  auto bad_utf8 =
      parse_ok("From: a@b.example\nContent-Type: text/plain; charset=utf-8\n\nok \xFF\xFE end\n");
  EXPECT_EQ(bad_utf8.text_parts[0].text, "ok \xEF\xBF\xBD\xEF\xBF\xBD end\n");
  EXPECT_TRUE(has_note(bad_utf8, "says UTF-8 but has 2 invalid byte(s)")) << all_notes(bad_utf8);

  auto unknown = parse_ok(
      "From: a@b.example\nContent-Type: text/plain; charset=x-no-such-charset\n\nna\xEFve\n");
  EXPECT_EQ(unknown.text_parts[0].text, "na\xC3\xAFve\n");
  EXPECT_TRUE(has_note(unknown, "unknown charset \"x-no-such-charset\"")) << all_notes(unknown);

  auto koi8 = parse_ok(
      "From: a@b.example\nContent-Type: text/plain; charset=koi8-r\n\n\xF0\xD2\xC9\xD7\xC5\xD4\n");
  EXPECT_EQ(koi8.text_parts[0].text,
            "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82\n");  // Привет
}

TEST(MessageBodies, TextCapIsNoted) {
  MessageLimits limits;
  limits.max_text_bytes = 10;
  auto m = parse_ok("From: a@b.example\n\n\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9 more\n",
                    limits);
  ASSERT_EQ(m.text_parts.size(), 1u);
  EXPECT_TRUE(m.text_parts[0].truncated);
  EXPECT_EQ(m.text_parts[0].text, "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9");
  EXPECT_TRUE(has_note(m, "text/plain body is longer than 10 bytes")) << all_notes(m);
}

TEST(MessageAttachments, KindsNamesAndSizes) {
  auto m = parse_ok(
      "From: a@b.example\n"
      "Content-Type: multipart/mixed; boundary=b1\n"
      "\n"
      "--b1\n"
      "Content-Type: text/plain\n"
      "\n"
      "see attached\n"
      "--b1\n"
      "Content-Type: application/pdf; name=\"=?utf-8?q?Rechnung_M=C3=A4rz.pdf?=\"\n"
      "Content-Disposition: attachment\n"
      "Content-Transfer-Encoding: base64\n"
      "\n"
      "JVBERi0xLjQK\n"
      "--b1\n"
      "Content-Type: text/html\n"
      "Content-Disposition: attachment; filename*=utf-8''invoice%20copy.html\n"
      "\n"
      "<form action=x></form>\n"
      "--b1\n"
      "Content-Type: text/plain; name=notes.txt\n"
      "\n"
      "inline but named\n"
      "--b1\n"
      "Content-Type: image/png\n"
      "Content-Disposition: inline\n"
      "Content-Transfer-Encoding: base64\n"
      "\n"
      "iVBORw0KGgo=\n"
      "--b1--\n");
  ASSERT_EQ(m.text_parts.size(), 1u);
  EXPECT_EQ(m.text_parts[0].text, "see attached");
  EXPECT_TRUE(m.html_parts.empty());
  ASSERT_EQ(m.attachments.size(), 4u);
  EXPECT_EQ(m.attachments[0].filename, "Rechnung M\xC3\xA4rz.pdf");
  EXPECT_EQ(m.attachments[0].content_type, "application/pdf");
  EXPECT_EQ(m.attachments[0].disposition, "attachment");
  EXPECT_EQ(m.attachments[0].data, "%PDF-1.4\n");
  EXPECT_EQ(m.attachments[0].size, 9u);
  EXPECT_EQ(m.attachments[0].depth, 1);
  EXPECT_EQ(m.attachments[1].filename, "invoice copy.html");
  EXPECT_EQ(m.attachments[1].content_type, "text/html");
  EXPECT_EQ(m.attachments[1].data, "<form action=x></form>");
  EXPECT_EQ(m.attachments[2].filename, "notes.txt");
  EXPECT_EQ(m.attachments[2].disposition, "");
  EXPECT_EQ(m.attachments[3].content_type, "image/png");
  EXPECT_EQ(m.attachments[3].disposition, "inline");
  EXPECT_EQ(m.attachments[3].data, std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_TRUE(m.notes.empty()) << all_notes(m);
}

TEST(MessageAttachments, FiftyMegabytesAreMeasuredButCapped) {
  std::string big(50u << 20, 'A');
  std::string msg =
      "From: a@b.example\nContent-Type: multipart/mixed; boundary=zz\n\n--zz\n"
      "Content-Type: application/octet-stream; name=big.bin\n"
      "Content-Transfer-Encoding: binary\n\n" +
      big + "\n--zz--\n";
  auto m = parse_ok(msg);
  ASSERT_EQ(m.attachments.size(), 1u);
  EXPECT_EQ(m.attachments[0].size, 50u << 20);
  EXPECT_EQ(m.attachments[0].data.size(), 16u << 20);
  EXPECT_TRUE(has_note(m, "the attachment big.bin is 50 MB; only the first 16 MB were examined"))
      << all_notes(m);
}

TEST(MessageAttachments, MessageLargerThanLimitIsCut) {
  MessageLimits limits;
  limits.max_message_bytes = 100;
  auto m = parse_ok("From: a@b.example\nSubject: s\n\n" + std::string(500, 'x') + "\n", limits);
  EXPECT_TRUE(has_note(m, "only the first 100 bytes were read")) << all_notes(m);
  ASSERT_EQ(m.text_parts.size(), 1u);
  EXPECT_EQ(m.text_parts[0].text, std::string(70, 'x'));
}

TEST(MessageNesting, Rfc822ThreeDeep) {
  auto m = parse_ok(nest_rfc822(3));
  EXPECT_EQ(m.subject, "level 3");
  EXPECT_EQ(embedded_depth(m), 3);
  const Message& inner = m.embedded[0].embedded[0].embedded[0];
  EXPECT_EQ(inner.subject, "level 0");
  ASSERT_EQ(inner.from.size(), 1u);
  EXPECT_EQ(inner.from[0].address, "level0@example.org");
  ASSERT_EQ(inner.text_parts.size(), 1u);
  EXPECT_EQ(inner.text_parts[0].text, "the innermost text\r\n");
  EXPECT_TRUE(m.notes.empty()) << all_notes(m);
}

TEST(MessageNesting, Rfc822TenDeepFitsTheDefault) {
  auto m = parse_ok(nest_rfc822(10));
  EXPECT_EQ(embedded_depth(m), 10);
  EXPECT_TRUE(m.notes.empty()) << all_notes(m);
}

TEST(MessageNesting, Rfc822TwelveDeepIsCutAtTheLimit) {
  auto m = parse_ok(nest_rfc822(12));
  EXPECT_EQ(embedded_depth(m), 10);
  EXPECT_TRUE(has_note(m, "attached messages are nested more than 10 levels deep")) << all_notes(m);
}

TEST(MessageNesting, ForwardedInsideMultipart) {
  auto m = parse_ok(
      "From: me@corp.example\nSubject: Fwd: invoice\nContent-Type: multipart/mixed; boundary=o\n\n"
      "--o\nContent-Type: text/plain\n\nFYI, is this real?\n"
      "--o\nContent-Type: message/rfc822\nContent-Disposition: attachment; filename=orig.eml\n\n"
      "From: \"Bank\" <no-reply@bank-secure.example>\nSubject: Verify now\n"
      "Content-Type: text/html\n\n<a href=\"http://evil.example/\">bank.example</a>\n"
      "--o--\n");
  ASSERT_EQ(m.embedded.size(), 1u);
  EXPECT_EQ(m.embedded[0].subject, "Verify now");
  EXPECT_EQ(m.embedded[0].from[0].domain, "bank-secure.example");
  ASSERT_EQ(m.embedded[0].html_parts.size(), 1u);
  EXPECT_EQ(m.embedded[0].html_parts[0].text, "<a href=\"http://evil.example/\">bank.example</a>");
  EXPECT_EQ(m.embedded[0].source, "test.eml");
  EXPECT_TRUE(m.attachments.empty());
}

TEST(MessageNesting, MultipartDepthAndPartCount) {
  std::string msg = "From: a@b.example\n";
  std::string tail;
  for (int level = 0; level < 12; ++level) {
    msg += "Content-Type: multipart/mixed; boundary=b" + std::to_string(level) + "\n\n--b" +
           std::to_string(level) + "\n";
    tail = "\n--b" + std::to_string(level) + "--\n" + tail;
  }
  msg += "Content-Type: text/plain\n\ndeep text" + tail;
  auto deep = parse_ok(msg);
  EXPECT_TRUE(deep.text_parts.empty());
  EXPECT_TRUE(has_note(deep, "multipart sections are nested more than 10 levels deep"))
      << all_notes(deep);

  std::string many = "From: a@b.example\nContent-Type: multipart/mixed; boundary=p\n\n";
  for (int i = 0; i < 5; ++i)
    many += "--p\nContent-Type: text/plain\n\npart " + std::to_string(i) + "\n";
  many += "--p--\n";
  MessageLimits limits;
  limits.max_parts = 3;
  auto m = parse_ok(many, limits);
  ASSERT_EQ(m.text_parts.size(), 3u);
  EXPECT_EQ(m.text_parts[2].text, "part 2");
  EXPECT_TRUE(has_note(m, "more than 3 MIME parts")) << all_notes(m);
}

TEST(MessageNesting, ThousandsOfEmptyPartsAreCutBeforeGMimeBuildsThem) {
  std::string msg = "From: a@b.example\nContent-Type: multipart/mixed; boundary=q\n\n";
  for (int i = 0; i < 100; ++i) msg += "--q\n\n";
  msg += "--q--\n";
  MessageLimits limits;
  limits.max_parts = 5;  // 50 boundary lines
  auto m = parse_ok(msg, limits);
  EXPECT_TRUE(has_note(m, "more than 50 MIME boundary lines; only the first 311 bytes were read"))
      << all_notes(m);
  EXPECT_TRUE(has_note(m, "more than 5 MIME parts")) << all_notes(m);
}

TEST(MessageNesting, HugeHeaderIsCutBeforeGMimeReadsIt) {
  std::string msg = "From: a@b.example\n";
  for (int i = 0; i < 30000; ++i) msg += "X-Filler: v\n";
  msg += "Subject: late\n\nbody text\n";
  auto m = parse_ok(msg);
  EXPECT_TRUE(has_note(m, "the header has more than 20000 lines")) << all_notes(m);
  EXPECT_TRUE(has_note(m, "more than 10000 headers")) << all_notes(m);
  EXPECT_EQ(m.from[0].address, "a@b.example");
  EXPECT_EQ(m.subject, "");
  ASSERT_EQ(m.text_parts.size(), 1u);
  EXPECT_EQ(m.text_parts[0].text, "body text\n");

  // A plain-text body full of "--" lines is not cut (no multipart, no parts to build).
  std::string dashes = "From: a@b.example\n\n";
  for (int i = 0; i < 200; ++i) dashes += "--\n";
  MessageLimits limits;
  limits.max_parts = 5;
  auto d = parse_ok(dashes, limits);
  EXPECT_TRUE(d.notes.empty()) << all_notes(d);
  EXPECT_EQ(d.text_parts[0].text.size(), 600u);
}

TEST(MessageBroken, MissingFinalBoundary) {
  auto m = parse_ok(
      "From: a@b.example\nContent-Type: multipart/alternative; boundary=q\n\n"
      "--q\nContent-Type: text/plain\n\nfirst\n"
      "--q\nContent-Type: text/html\n\n<p>second</p>\n");
  ASSERT_EQ(m.text_parts.size(), 1u);
  EXPECT_EQ(m.text_parts[0].text, "first");
  ASSERT_EQ(m.html_parts.size(), 1u);
  EXPECT_EQ(m.html_parts[0].text, "<p>second</p>\n");
  EXPECT_EQ(m.notes, (std::vector<std::string>{
                         "the message is truncated (it ends before its MIME structure does)"}));
}

TEST(MessageBroken, BrokenBase64) {
  auto m = parse_ok(
      "From: a@b.example\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\n"
      "aGVs!!bG8g*d29y\nbGQ=\n");
  ASSERT_EQ(m.text_parts.size(), 1u);
  EXPECT_EQ(m.text_parts[0].text, "hello world");
  EXPECT_TRUE(has_note(m, "3 character(s) that are not base64")) << all_notes(m);
}

TEST(MessageBroken, HeaderWithoutColon) {
  auto m = parse_ok("From: a@b.example\nThis line has no colon\nSubject: after\n\nbody\n");
  ASSERT_EQ(m.from.size(), 1u);
  EXPECT_EQ(m.from[0].address, "a@b.example");
  EXPECT_TRUE(has_note(m, "a header line is not a valid header (This line has no colon)"))
      << all_notes(m);
}

TEST(MessageBroken, NulBytes) {
  using namespace std::string_literals;
  std::string msg = "From: a@b.example\nSubj\0ect: x\n\nte\0xt\n"s;
  auto m = parse_ok(msg);
  ASSERT_EQ(m.from.size(), 1u);
  ASSERT_EQ(m.text_parts.size(), 1u);
  EXPECT_EQ(m.text_parts[0].text, "te\xEF\xBF\xBDxt\n");
}

TEST(MessageBroken, EmptyInputIsAnError) {
  auto e = parse_message("", "empty.eml");
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().code(), Errc::kParse);
  EXPECT_FALSE(parse_message("\r\n \n", "blank.eml"));
}

TEST(MessageBroken, PlainTextThatIsNotAMessage) {
  auto m = parse_ok("just some words\nand another line\n");
  EXPECT_TRUE(m.from.empty());
  EXPECT_TRUE(m.headers.empty());
  ASSERT_EQ(m.text_parts.size(), 1u);
  EXPECT_EQ(m.text_parts[0].text, "just some words\nand another line\n");
  EXPECT_EQ(m.notes,
            (std::vector<std::string>{
                "no e-mail headers were found: this does not look like an e-mail message"}));
}

TEST(MessageBroken, KeepRaw) {
  MessageLimits limits;
  limits.keep_raw = true;
  std::string bytes = "From: a@b.example\n\nx\n";
  EXPECT_EQ(parse_ok(bytes, limits).raw, bytes);
  EXPECT_EQ(parse_ok(bytes).raw, "");
}

std::vector<Message> read_all_mbox(std::string_view data, std::vector<std::string>* errors) {
  std::vector<Message> out;
  read_mbox_data(
      data, "box", [&](Message&& m) { out.push_back(std::move(m)); },
      [&](const std::string& src, const std::string& why) { errors->push_back(src + ": " + why); });
  return out;
}

TEST(Mbox, ThreeMessagesWithQuotedFromAndTruncatedEnd) {
  std::string box =
      "From alice@example.org Mon Jan  6 10:00:00 2025\n"
      "From: alice@example.org\nSubject: one\n\n"
      "first body\n>From the start, this line was quoted\n>>From stays quoted once\n\n"
      "From bob@example.org Mon Jan  6 11:00:00 2025\n"
      "From: bob@example.org\nSubject: two\n\nsecond body\n\n"
      "From mallory@example.net Mon Jan  6 12:00:00 2025\n"
      "From: mallory@example.net\nSubject: three\n"
      "Content-Type: multipart/mixed; boundary=cut\n\n--cut\nContent-Type: text/plain\n\n"
      "this message stops in the mid";
  std::vector<std::string> errors;
  auto msgs = read_all_mbox(box, &errors);
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(msgs.size(), 3u);
  EXPECT_EQ(msgs[0].subject, "one");
  EXPECT_EQ(msgs[0].source, "box:1");
  ASSERT_EQ(msgs[0].text_parts.size(), 1u);
  EXPECT_EQ(msgs[0].text_parts[0].text,
            "first body\nFrom the start, this line was quoted\n>From stays quoted once\n");
  EXPECT_EQ(msgs[1].subject, "two");
  EXPECT_EQ(msgs[1].text_parts[0].text, "second body\n");
  EXPECT_EQ(msgs[2].subject, "three");
  EXPECT_EQ(msgs[2].source, "box:3");
  ASSERT_EQ(msgs[2].text_parts.size(), 1u);
  EXPECT_EQ(msgs[2].text_parts[0].text, "this message stops in the mid");
  EXPECT_TRUE(has_note(msgs[2], "ends in the middle of a line")) << all_notes(msgs[2]);
  EXPECT_TRUE(msgs[0].notes.empty()) << all_notes(msgs[0]);
}

TEST(Mbox, CrlfLinesAndUnquotedBodyFrom) {
  std::string box =
      "From a@example.org Tue Feb  4 09:00:00 2025\r\n"
      "From: a@example.org\r\nSubject: crlf one\r\n\r\nline\r\nFrom here on, unquoted\r\n\r\n"
      "From b@example.org Tue Feb  4 09:30:00 2025\r\n"
      "From: b@example.org\r\nSubject: crlf two\r\n\r\nbye\r\n";
  std::vector<std::string> errors;
  auto msgs = read_all_mbox(box, &errors);
  ASSERT_EQ(msgs.size(), 2u);
  EXPECT_EQ(msgs[0].subject, "crlf one");
  EXPECT_EQ(msgs[0].text_parts[0].text, "line\r\nFrom here on, unquoted\r\n");
  EXPECT_EQ(msgs[1].subject, "crlf two");
  EXPECT_TRUE(msgs[1].notes.empty()) << all_notes(msgs[1]);
}

TEST(Mbox, NotStartingWithFromLineAndEmptyEntries) {
  std::vector<std::string> errors;
  auto msgs = read_all_mbox("From: a@example.org\nSubject: lone\n\nhi\n", &errors);
  ASSERT_EQ(msgs.size(), 1u);
  EXPECT_EQ(msgs[0].subject, "lone");
  EXPECT_TRUE(has_note(msgs[0], "does not start with a \"From \" line"));

  errors.clear();
  msgs = read_all_mbox(
      "From x Mon Jan  6 10:00:00 2025\n\nFrom y Mon Jan  6 10:00:00 2025\n"
      "Subject: s\n\nb\n",
      &errors);
  ASSERT_EQ(msgs.size(), 1u);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], "box:1: empty message in the mailbox");
}

TEST(Mbox, ReadsAFile) {
  test::FixtureRoot root;
  root.write("/box.mbox",
             "From a Mon Jan  6 10:00:00 2025\nSubject: f1\n\nx\n\n"
             "From b Mon Jan  6 10:00:00 2025\nSubject: f2\n\ny\n");
  std::vector<std::string> subjects;
  auto n = read_mbox(
      root.real("/box.mbox"), [&](Message&& m) { subjects.push_back(m.subject); },
      [](const std::string&, const std::string&) {});
  ASSERT_TRUE(n);
  EXPECT_EQ(*n, 2u);
  EXPECT_EQ(subjects, (std::vector<std::string>{"f1", "f2"}));
  auto missing = read_mbox(
      root.real("/nope.mbox"), [](Message&&) {}, [](const std::string&, const std::string&) {});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code(), Errc::kNotFound);
}

TEST(Maildir, CurThenNewSortedSkippingTmpAndDotFiles) {
  test::FixtureRoot root;
  root.write("/md/cur/2.host:2,S", "Subject: cur two\n\nb\n");
  root.write("/md/cur/1.host:2,S", "Subject: cur one\n\nb\n");
  root.write("/md/new/3.host", "Subject: new three\n\nb\n");
  root.write("/md/new/.hidden", "Subject: hidden\n\nb\n");
  root.write("/md/tmp/4.host", "Subject: in tmp\n\nb\n");
  root.write("/md/new/5.empty", "");
  std::vector<std::string> subjects;
  std::vector<std::string> errors;
  auto n = read_maildir(
      root.real("/md"), [&](Message&& m) { subjects.push_back(m.subject); },
      [&](const std::string& src, const std::string&) { errors.push_back(src); });
  ASSERT_TRUE(n);
  EXPECT_EQ(*n, 3u);
  EXPECT_EQ(subjects, (std::vector<std::string>{"cur one", "cur two", "new three"}));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], root.real("/md/new/5.empty"));

  root.mkdir("/notmaildir");
  auto bad = read_maildir(
      root.real("/notmaildir"), [](Message&&) {}, [](const std::string&, const std::string&) {});
  EXPECT_FALSE(bad);
}

TEST(EmlPaths, FilesAndDirectoriesRecursivelySorted) {
  test::FixtureRoot root;
  root.write("/mail/b.eml", "Subject: b\n\nx\n");
  root.write("/mail/a.eml", "Subject: a\n\nx\n");
  root.write("/mail/sub/c.eml", "Subject: c\n\nx\n");
  root.write("/other/d.eml", "Subject: d\n\nx\n");
  root.symlink(root.real("/other"), "/mail/link");  // a symlinked directory is not entered
  root.write("/single.eml", "Subject: single\n\nx\n");
  std::vector<std::string> seen;
  std::vector<std::string> errors;
  auto sink = [&](Message&& m) { seen.push_back(m.subject + "@" + m.source); };
  auto err = [&](const std::string& src, const std::string& why) {
    errors.push_back(src + ": " + why);
  };
  auto n = read_eml_paths({root.real("/single.eml"), root.real("/mail"), root.real("/missing")},
                          sink, err);
  ASSERT_TRUE(n);
  EXPECT_EQ(*n, 4u);
  ASSERT_EQ(seen.size(), 4u);
  EXPECT_EQ(seen[0], "single@" + root.real("/single.eml"));
  EXPECT_EQ(seen[1], "a@" + root.real("/mail/a.eml"));
  EXPECT_EQ(seen[2], "b@" + root.real("/mail/b.eml"));
  EXPECT_EQ(seen[3], "c@" + root.real("/mail/sub/c.eml"));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], root.real("/missing") + ": no such file or directory");

  auto none = read_eml_paths({root.real("/missing")}, sink, err);
  EXPECT_FALSE(none);
}

}  // namespace
}  // namespace sw::phish
