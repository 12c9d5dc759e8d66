// SPDX-License-Identifier: Apache-2.0
// The e-mail model the phishing detectors read: one message taken apart by GMime 3.2 (RFC 5322
// headers, RFC 2047 / 2231 encoded words, address lists, the MIME tree, transfer encodings),
// bodies converted to UTF-8 with iconv, plus the mailbox readers (files or directories of .eml,
// an mbox, a Maildir). Written by hand, because no library does it (message.cpp says why): the
// walk of GMime's tree into this flat model, the charset fallbacks, salvaging of address
// headers GMime cannot read, and the mbox splitter. The limits below bound the work on hostile
// input; every part skipped or cut is said in `notes`, in plain words.
//
// Fixed bounds besides MessageLimits: 64 notes per message, 100 mailboxes per address header,
// 10,000 headers kept, 20,000 top-level header lines given to GMime, max_parts * 10 lines
// starting with "--" in a multipart message (then it is cut), GMime's own MIME nesting limit of
// 1024. Not bounded except by max_message_bytes: the header lines of attached messages.
//
// Thread-safety: GMime is initialised once (std::call_once); after that every function here may
// run on several threads at once. Returned Messages own all their bytes.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace sw::phish {

// Bounds on hostile input (each one, when hit, leaves a note on the message).
struct MessageLimits {
  size_t max_message_bytes = 64u << 20;     // a message larger is cut here (note)
  size_t max_text_bytes = 1u << 20;         // per text/html body kept for the detectors
  size_t max_attachment_bytes = 16u << 20;  // bytes of one attachment kept (magic, archives)
  int max_depth = 10;     // nesting levels, counted twice over: message/rfc822 messages inside
                          // messages, and multiparts inside multiparts within one message
  int max_parts = 1000;   // MIME leaves visited per message (embedded messages included)
  bool keep_raw = false;  // fill Message::raw (offline DKIM verification needs the bytes)
};

struct Mailbox {
  std::string display_name;  // decoded (RFC 2047) to UTF-8, "" when none
  std::string address;       // addr-spec as written, e.g. "Joe@Example.COM"
  std::string domain;        // lower-cased part after the last '@' ("" when none)
};

struct Header {
  std::string name;   // as written ("Authentication-Results")
  std::string value;  // raw (unfolded: CRLF + WSP joined to a single space), not decoded
};

struct BodyPart {
  std::string content_type;  // lower-cased "type/subtype" as declared
  std::string charset;       // as declared ("" when none)
  std::string text;          // decoded (transfer encoding) and converted to UTF-8, capped
  bool truncated = false;    // text was cut at max_text_bytes
};

struct Attachment {
  std::string filename;      // decoded (RFC 2231 / 2047), "" when none
  std::string content_type;  // lower-cased declared "type/subtype"
  std::string disposition;   // "attachment", "inline" or ""
  std::string data;          // decoded bytes (capped at max_attachment_bytes)
  size_t size = 0;           // decoded size before the cap
  int depth = 0;             // MIME nesting depth where it was found
};

struct Message {
  std::string source;           // file path (or "mbox:offset", "maildir/cur/...") for reports
  std::vector<Header> headers;  // top-level headers in order (first = added last by a relay)

  std::vector<Mailbox> from;  // usually one
  std::vector<Mailbox> reply_to;
  std::vector<Mailbox> sender;  // the Sender: header
  std::string return_path;      // the address inside Return-Path <>, "" when none
  std::string subject;          // decoded (RFC 2047) to UTF-8
  std::string list_id;          // List-Id value ("" when none)
  std::string message_id;

  std::vector<BodyPart> text_parts;  // text/plain, in MIME order
  std::vector<BodyPart> html_parts;  // text/html, in MIME order
  std::vector<Attachment> attachments;
  std::vector<Message> embedded;  // message/rfc822 parts (depth-limited), analysed as well

  bool encoded_from_hides_address = false;  // RFC 2047-encoded display name contains '@'
  std::vector<std::string> notes;           // what was skipped, cut or broken, in plain words
  std::string raw;  // the top-level message's bytes as parsed, only with MessageLimits::keep_raw

  // All values of header `name` (case-insensitive), in order of appearance.
  std::vector<std::string_view> header_values(std::string_view name) const;
};

// Parses one message (RFC 5322 bytes). Errors only when GMime finds no message at all (empty
// input, not a message); damaged MIME is parsed as far as it goes and noted.
Result<Message> parse_message(std::string_view bytes, std::string source = {},
                              const MessageLimits& limits = {});

// Mailbox readers. Each calls `each` once per message, in order; a message that fails to parse
// is reported through `on_error` (source, one-line reason) and the reading goes on. Errors only
// when the mailbox itself cannot be opened.
using MessageSink = std::function<void(Message&&)>;
using ErrorSink = std::function<void(const std::string& source, const std::string& reason)>;

// mbox (mboxrd / mboxo "From " separated); a truncated last message is parsed as far as it goes
// and noted. Source of each message: "FILE:N" (1-based message number).
Result<size_t> read_mbox(const std::string& path, const MessageSink& each,
                         const ErrorSink& on_error, const MessageLimits& limits = {});

// The same over mbox bytes already in memory (stdin, tests, the fuzzer); `name` prefixes sources.
size_t read_mbox_data(std::string_view data, const std::string& name, const MessageSink& each,
                      const ErrorSink& on_error, const MessageLimits& limits = {});

// Maildir: DIR/cur then DIR/new, each in sorted file-name order; tmp/ and dot-files are skipped.
// Source of each message: its file path. Errors when DIR has neither cur/ nor new/.
Result<size_t> read_maildir(const std::string& path, const MessageSink& each,
                            const ErrorSink& on_error, const MessageLimits& limits = {});

// Files and directories of single messages (.eml): a file is one message; a directory is every
// regular file below it, recursively, in sorted path order, without entering symlinked
// directories. A path that cannot be read goes to `on_error` and the others are still read;
// errors only when `paths` is not empty and not one of them could be opened.
Result<size_t> read_eml_paths(const std::vector<std::string>& paths, const MessageSink& each,
                              const ErrorSink& on_error, const MessageLimits& limits = {});

}  // namespace sw::phish
