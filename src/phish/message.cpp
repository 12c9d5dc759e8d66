// SPDX-License-Identifier: Apache-2.0
// parse_message() and the mailbox readers. GMime 3.2 does the heavy lifting: RFC 5322 header
// parsing, RFC 2047 / 2231 decoding of names, subjects and file names, address lists, the MIME
// tree (multipart, message/rfc822), the transfer decoders (base64, quoted-printable, uuencode)
// and charset names; iconv (through g_mime_iconv_open) converts bodies to UTF-8.
//
// Written here by hand, because no library call does quite this:
// - the walk of GMime's tree into the flat Message (text bodies vs attachments, limits, notes);
// - the byte loop that drives GMime's decoder so an attachment is decoded in 64 KiB steps, kept
//   only up to the cap, and still measured to its real size (g_mime_data_wrapper_write_to_stream
//   would hold the whole decoded attachment in memory);
// - the iconv loop that replaces undecodable bytes with U+FFFD and goes on (glib's g_convert
//   stops at the first bad byte), with the WHATWG rule that "iso-8859-1" / "us-ascii" labels and
//   undeclared 8-bit text are read as windows-1252;
// - the mbox splitter over a memory-mapped file (GMime's mbox mode neither undoes mboxrd ">From"
//   quoting nor tells a cut-off last message apart, and we want per-message size caps);
// - salvage_mailbox(): From / Reply-To / Sender headers GMime finds no mailbox in
//   ('Name,(<a@b.example>)', '"Name" <>'), read the way mail programs display them;
// - bound_for_gmime(): GMime has no limit on headers or parts, so a cheap line count before it
//   runs cuts what would make it build hundreds of thousands of objects.
//
// Limits (MessageLimits, each noted on the message when hit): message bytes, text bytes per body,
// attachment bytes kept, message/rfc822 depth, multipart depth, MIME leaves per message; plus the
// fixed bounds below (notes, mailboxes per address header, encoded words examined, headers kept,
// header lines and "--" lines given to GMime). GMime itself refuses MIME nesting beyond 1024
// levels (GMIME_CRIT_NESTING_OVERFLOW). Cost: about 0.1-0.3 ms of CPU per message of the shared
// development set; the hostile shapes tried (a 50 MB attachment, 200,000 empty parts, 2 million
// header lines, 20,000 nested messages) each take under 0.2 s.
//
// Thread-safety: g_mime_init() runs once (std::call_once); afterwards every call owns its own
// GMime objects, so messages may be parsed on several threads at once.
#include "phish/message.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <mutex>
#include <set>
#include <system_error>

#include <fcntl.h>
#include <iconv.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gmime/gmime.h>

#include "core/ascii.h"
#include "core/unique_fd.h"

namespace sw::phish {
namespace {

constexpr size_t kMaxNotes = 64;           // notes kept per message (then one "more" note)
constexpr size_t kMaxMailboxes = 100;      // mailboxes read from one address header
constexpr size_t kMaxEncodedWords = 64;    // RFC 2047 words examined in From for hidden '@'
constexpr size_t kMaxNoteItem = 80;        // bytes of a header value quoted in a note
constexpr size_t kChunk = 64u << 10;       // decode step
constexpr size_t kMaxHeaders = 10000;      // headers kept per message
constexpr size_t kMaxHeaderLines = 20000;  // top-level header lines given to GMime
constexpr size_t kDashLinesPerPart = 10;   // "--" lines per allowed MIME part before a cut

void init_gmime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

struct GObjectUnref {
  void operator()(void* p) const {
    if (p != nullptr) g_object_unref(p);
  }
};
template <class T>
using GPtr = std::unique_ptr<T, GObjectUnref>;

struct GFreeDeleter {
  void operator()(void* p) const { g_free(p); }
};
using GString_ = std::unique_ptr<char, GFreeDeleter>;

struct OptionsFree {
  void operator()(GMimeParserOptions* o) const { g_mime_parser_options_free(o); }
};

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && g_ascii_strncasecmp(a.data(), b.data(), a.size()) == 0;
}

std::string_view trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// A header value for a note: printable ASCII only, cut short (the text is attacker-chosen).
std::string note_item(const char* item) {
  if (item == nullptr) return {};
  std::string_view v = trim(item);
  std::string out;
  for (const char* p = v.data(); p != v.data() + v.size() && out.size() < kMaxNoteItem; ++p) {
    auto c = static_cast<unsigned char>(*p);
    out.push_back(c >= 0x20 && c < 0x7f ? static_cast<char>(c) : '?');
  }
  if (v.size() > kMaxNoteItem) out += "...";
  return out;
}

// RFC 5322 unfolding: a line break followed by white space becomes one space; other CR/LF go.
std::string unfold(const char* raw) {
  std::string out;
  if (raw == nullptr) return out;
  std::string_view v(raw);
  if (v.find_first_of("\r\n") == std::string_view::npos) return std::string(trim(v));
  out.reserve(v.size());
  for (size_t i = 0; i < v.size(); ++i) {
    char c = v[i];
    if (c == '\r' || c == '\n') {
      size_t j = i;
      while (j < v.size() && (v[j] == '\r' || v[j] == '\n')) ++j;
      if (j < v.size() && (v[j] == ' ' || v[j] == '\t')) {
        while (j < v.size() && (v[j] == ' ' || v[j] == '\t')) ++j;
        out.push_back(' ');
      }
      i = j - 1;
      continue;
    }
    out.push_back(c);
  }
  return std::string(trim(out));
}

// Notes of one parse, deduplicated and bounded.
class Notes {
 public:
  void add(std::string note) {
    if (seen_.count(note) != 0) return;
    if (list_.size() >= kMaxNotes) {
      dropped_ = true;
      return;
    }
    seen_.insert(note);
    list_.push_back(std::move(note));
  }
  std::vector<std::string> take() {
    if (dropped_) list_.push_back("more problems were found than are listed here");
    return std::move(list_);
  }

 private:
  std::vector<std::string> list_;
  std::set<std::string> seen_;
  bool dropped_ = false;
};

// GMime's parser warnings, in plain words.
void on_parser_warning(gint64 /*offset*/, GMimeParserWarning code, const gchar* item,
                       gpointer user_data) {
  auto* notes = static_cast<Notes*>(user_data);
  std::string it = note_item(item);
  std::string text;
  switch (code) {
    case GMIME_WARN_DUPLICATED_HEADER:
      text = "the header " + it + " appears more than once (readers may show either one)";
      break;
    case GMIME_WARN_DUPLICATED_PARAMETER:
      text = "a header repeats the parameter " + it;
      break;
    case GMIME_WARN_UNENCODED_8BIT_HEADER:
      text = "a header holds raw 8-bit bytes instead of RFC 2047 encoding";
      break;
    case GMIME_WARN_INVALID_CONTENT_TYPE:
      text = "a part has an invalid Content-Type (" + it + "), read as application/octet-stream";
      break;
    case GMIME_WARN_INVALID_RFC2047_HEADER_VALUE:
      text = "a header has malformed encoded words (" + it + ")";
      break;
    case GMIME_WARN_MALFORMED_MULTIPART:
      text = "a multipart section has no parts or no closing boundary";
      break;
    case GMIME_WARN_TRUNCATED_MESSAGE:
      text = "the message is truncated (it ends before its MIME structure does)";
      break;
    case GMIME_WARN_MALFORMED_MESSAGE:
      text = "the message is malformed";
      break;
    case GMIME_CRIT_INVALID_HEADER_NAME:
      text = "a header line is not a valid header (" + it + "); the rest may be read as body";
      break;
    case GMIME_CRIT_CONFLICTING_HEADER:
      text = "the header " + it + " appears twice with different values";
      break;
    case GMIME_CRIT_CONFLICTING_PARAMETER:
      text = "a header repeats the parameter " + it + " with different values";
      break;
    case GMIME_CRIT_MULTIPART_WITHOUT_BOUNDARY:
      text = "a multipart part has no boundary; its content was read as one part";
      break;
    case GMIME_WARN_INVALID_PARAMETER:
      text = "a header has an invalid parameter (" + it + ")";
      break;
    case GMIME_WARN_INVALID_ADDRESS_LIST:
      // Not noted: the warning does not say which header, and on real mail it is mostly To:
      // or a VERP Return-Path carrying the recipient (never a signal to decide on). Malformed
      // From / Reply-To / Sender are noted by fill_message() instead.
      return;
    case GMIME_CRIT_NESTING_OVERFLOW:
      text = "the MIME structure is nested too deeply; the parser stopped descending";
      break;
    case GMIME_WARN_PART_WITHOUT_CONTENT:
      text = "a MIME part ends right after its headers";
      break;
    case GMIME_CRIT_PART_WITHOUT_HEADERS_OR_CONTENT:
      text = "a MIME part has neither headers nor content";
      break;
  }
  if (text.empty()) text = "the MIME parser reported a problem (" + it + ")";
  notes->add(std::move(text));
}

std::string human_size(size_t n) {
  if (n >= (10u << 20)) return std::to_string(n >> 20) + " MB";
  if (n >= (10u << 10)) return std::to_string(n >> 10) + " KB";
  return std::to_string(n) + " bytes";
}

// ---- charset conversion ------------------------------------------------------------------

bool is_valid_utf8(std::string_view s) {
  return g_utf8_validate_len(s.data(), s.size(), nullptr) != 0;
}

// Invalid UTF-8 sequences (and NUL) become U+FFFD; returns how many were replaced.
size_t make_valid_utf8(std::string& s) {
  if (is_valid_utf8(s)) return 0;
  std::string out;
  out.reserve(s.size() + 16);
  size_t replaced = 0;
  const char* p = s.data();
  size_t left = s.size();
  while (left > 0) {
    const gchar* end = nullptr;
    if (g_utf8_validate_len(p, left, &end) != 0) {
      out.append(p, left);
      break;
    }
    auto valid = static_cast<size_t>(end - p);
    out.append(p, valid);
    out += "\xEF\xBF\xBD";
    ++replaced;
    p += valid + 1;
    left -= valid + 1;
  }
  s = std::move(out);
  return replaced;
}

// WHATWG Encoding Standard: these labels mean windows-1252 in practice.
bool is_latin1_label(std::string_view cs) {
  static constexpr std::string_view kLabels[] = {
      "iso-8859-1",     "iso8859-1", "iso_8859-1", "latin1",       "l1",
      "cp819",          "ibm819",    "iso-ir-100", "us-ascii",     "ascii",
      "ansi_x3.4-1968", "cp1252",    "x-cp1252",   "windows-1252", "iso_8859-1:1987",
      "csisolatin1",    "iso88591"};
  return std::find(std::begin(kLabels), std::end(kLabels), cs) != std::end(kLabels);
}

// Converts `in` from `charset` with iconv; bytes iconv rejects become U+FFFD. False when iconv
// does not know the charset.
bool iconv_to_utf8(std::string_view in, const char* charset, std::string& out, size_t& bad) {
  iconv_t cd = g_mime_iconv_open("UTF-8", charset);
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out.clear();
  out.reserve(in.size() + in.size() / 2 + 16);
  char buf[16384];
  auto* src = const_cast<char*>(in.data());  // iconv's prototype; it does not write
  size_t src_left = in.size();
  while (src_left > 0) {
    char* dst = buf;
    size_t dst_left = sizeof buf;
    size_t r = iconv(cd, &src, &src_left, &dst, &dst_left);
    out.append(buf, sizeof buf - dst_left);
    if (r == static_cast<size_t>(-1)) {
      if (errno == E2BIG) continue;
      // EILSEQ (a byte with no mapping) or EINVAL (cut in the middle of a sequence).
      out += "\xEF\xBF\xBD";
      ++bad;
      ++src;
      --src_left;
      iconv(cd, nullptr, nullptr, nullptr, nullptr);
    }
  }
  char* dst = buf;
  size_t dst_left = sizeof buf;
  iconv(cd, nullptr, nullptr, &dst, &dst_left);
  out.append(buf, sizeof buf - dst_left);
  g_mime_iconv_close(cd);
  return true;
}

// The text of a body in UTF-8, whatever its declared charset; problems go to `notes`.
std::string to_utf8(std::string bytes, const std::string& declared, const std::string& what,
                    Notes& notes) {
  std::string cs = ascii_lower(trim(declared));
  bool ascii_or_none = cs.empty() || cs == "us-ascii" || cs == "ascii";
  if (ascii_or_none || cs == "utf-8" || cs == "utf8") {
    if (is_valid_utf8(bytes)) return bytes;  // includes plain ASCII
    if (!ascii_or_none) {
      size_t n = make_valid_utf8(bytes);
      notes.add(what + " says UTF-8 but has " + std::to_string(n) +
                " invalid byte(s); they were replaced");
      return bytes;
    }
    notes.add(what + (cs.empty() ? " declares no charset" : " says US-ASCII") +
              " but has 8-bit bytes; read as windows-1252");
    cs = "windows-1252";
  } else if (is_latin1_label(cs)) {
    cs = "windows-1252";
  }
  std::string out;
  size_t bad = 0;
  if (!iconv_to_utf8(bytes, cs.c_str(), out, bad)) {
    notes.add(what + " declares the unknown charset \"" + note_item(declared.c_str()) +
              "\"; read as windows-1252");
    if (is_valid_utf8(bytes)) return bytes;
    if (!iconv_to_utf8(bytes, "windows-1252", out, bad)) {
      make_valid_utf8(bytes);
      return bytes;
    }
  }
  if (bad > 0) {
    notes.add(what + " has " + std::to_string(bad) + " byte(s) not valid in " + cs +
              "; they were replaced");
  }
  if (make_valid_utf8(out) > 0) notes.add(what + " converted to invalid UTF-8; repaired");
  return out;
}

// Cuts UTF-8 text at or below `cap` bytes without splitting a character.
void cut_utf8(std::string& s, size_t cap) {
  if (s.size() <= cap) return;
  size_t n = cap;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  s.resize(n);
}

// ---- content decoding --------------------------------------------------------------------

struct Decoded {
  std::string data;       // up to the cap
  size_t size = 0;        // full decoded size (or as far as read when `stopped`)
  size_t bad_base64 = 0;  // characters outside the base64 alphabet (skipped by the decoder)
  bool stopped = false;   // reading stopped early (text past its cap)
};

bool is_base64_char(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '/' || c == '=' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Undoes the transfer encoding of `part` with GMime's decoder, `kChunk` bytes at a time, keeping
// at most `cap` bytes; `stop_at_cap` ends the reading once the cap is passed.
Decoded decode_part(GMimePart* part, size_t cap, bool stop_at_cap) {
  Decoded d;
  GMimeDataWrapper* wrapper = g_mime_part_get_content(part);
  if (wrapper == nullptr) return d;
  GMimeStream* stream = g_mime_data_wrapper_get_stream(wrapper);
  if (stream == nullptr) return d;
  GMimeContentEncoding enc = g_mime_data_wrapper_get_encoding(wrapper);
  bool transform = enc == GMIME_CONTENT_ENCODING_BASE64 ||
                   enc == GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE ||
                   enc == GMIME_CONTENT_ENCODING_UUENCODE;
  GMimeEncoding state;
  if (transform) g_mime_encoding_init_decode(&state, enc);
  auto emit = [&](const char* p, size_t n) {
    d.size += n;
    if (d.data.size() < cap) d.data.append(p, std::min(n, cap - d.data.size()));
  };
  // Reused per thread: a fresh 64 KiB buffer per part showed in the profile.
  thread_local std::vector<char> in(kChunk);
  thread_local std::vector<char> out;
  g_mime_stream_reset(stream);
  for (;;) {
    ssize_t n = g_mime_stream_read(stream, in.data(), in.size());
    if (n <= 0) break;
    auto len = static_cast<size_t>(n);
    if (!transform) {
      emit(in.data(), len);
    } else {
      if (enc == GMIME_CONTENT_ENCODING_BASE64) {
        for (size_t i = 0; i < len; ++i) {
          if (!is_base64_char(static_cast<unsigned char>(in[i]))) ++d.bad_base64;
        }
      }
      out.resize(g_mime_encoding_outlen(&state, len));
      size_t k = g_mime_encoding_step(&state, in.data(), len, out.data());
      emit(out.data(), k);
    }
    if (stop_at_cap && d.size > cap) {
      d.stopped = true;
      break;
    }
  }
  if (transform && !d.stopped) {
    out.resize(g_mime_encoding_outlen(&state, 0) + 16);
    size_t k = g_mime_encoding_flush(&state, in.data(), 0, out.data());
    emit(out.data(), k);
  }
  g_mime_stream_reset(stream);
  return d;
}

// ---- the tree walk -----------------------------------------------------------------------

struct Walk {
  const MessageLimits& limits;
  Notes& notes;
  GMimeParserOptions* options;
  int leaves = 0;
  bool leaves_noted = false;
};

// The lower-cased part after the last '@' ("" when none); Unicode domains lower-cased by GLib.
std::string domain_of(std::string_view address) {
  size_t at = address.rfind('@');
  if (at == std::string_view::npos) return {};
  std::string_view dom = address.substr(at + 1);
  if (!is_valid_utf8(dom)) return ascii_lower(dom);
  GString_ low(g_utf8_strdown(dom.data(), static_cast<gssize>(dom.size())));
  return low.get();
}

void add_mailboxes(InternetAddressList* list, std::vector<Mailbox>& out, Notes& notes,
                   const char* header, int group_depth = 0) {
  if (list == nullptr) return;
  int n = internet_address_list_length(list);
  for (int i = 0; i < n; ++i) {
    if (out.size() >= kMaxMailboxes) {
      notes.add(std::string("the ") + header + " header lists more than " +
                std::to_string(kMaxMailboxes) + " addresses; the rest were skipped");
      return;
    }
    InternetAddress* ia = internet_address_list_get_address(list, i);
    if (INTERNET_ADDRESS_IS_GROUP(ia)) {
      if (group_depth == 0) {
        add_mailboxes(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(ia)), out, notes,
                      header, group_depth + 1);
      }
      continue;
    }
    if (!INTERNET_ADDRESS_IS_MAILBOX(ia)) continue;
    Mailbox mb;
    const char* name = internet_address_get_name(ia);
    if (name != nullptr) mb.display_name = name;
    const char* addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia));
    if (addr != nullptr) mb.address = addr;
    mb.domain = domain_of(mb.address);
    out.push_back(std::move(mb));
  }
}

bool has_at_sign(std::string_view s) {
  // '@', FULLWIDTH COMMERCIAL AT (U+FF20), SMALL COMMERCIAL AT (U+FE6B).
  return s.find('@') != std::string_view::npos ||
         s.find("\xEF\xBC\xA0") != std::string_view::npos ||
         s.find("\xEF\xB9\xAB") != std::string_view::npos;
}

// True when an RFC 2047 encoded word in the raw From value decodes to text with an '@'.
bool encoded_words_hide_address(std::string_view raw, GMimeParserOptions* options) {
  size_t pos = 0;
  for (size_t count = 0; count < kMaxEncodedWords; ++count) {
    size_t start = raw.find("=?", pos);
    if (start == std::string_view::npos) return false;
    size_t q1 = raw.find('?', start + 2);
    size_t q2 = q1 == std::string_view::npos ? q1 : raw.find('?', q1 + 1);
    size_t end = q2 == std::string_view::npos ? q2 : raw.find("?=", q2 + 1);
    if (end == std::string_view::npos) return false;
    std::string word(raw.substr(start, end + 2 - start));
    GString_ decoded(g_mime_utils_header_decode_text(options, word.c_str()));
    if (decoded && std::string_view(decoded.get()) != word && has_at_sign(decoded.get())) {
      return true;
    }
    pos = end + 2;
  }
  return false;
}

void walk_object(GMimeObject* obj, int msg_depth, int mp_depth, Message& m, Walk& w);

std::string_view strip_chars(std::string_view s, std::string_view chars) {
  size_t b = s.find_first_not_of(chars);
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(chars);
  return s.substr(b, e - b + 1);
}

// GMime (RFC 5322, even in its loose mode) finds no mailbox in some hostile address headers:
// 'Name,(<a@b.example>)', '"Name" <>', 'Win! <x@<a@b.example>'. Mail programs still show a name
// and an address for them, so when GMime gives nothing, this reads them by hand the way those
// programs do: the address is the last <...> (else the last word holding an '@'), the name is
// the text before it, RFC 2047-decoded by GMime.
void salvage_mailbox(const Message& m, const char* header, std::vector<Mailbox>& out, Walk& w) {
  if (!out.empty()) return;
  auto values = m.header_values(header);
  if (values.empty()) return;
  std::string_view raw = values.front();
  if (trim(raw).empty()) return;
  constexpr std::string_view kJunk = " \t\"'(),;<>";
  std::string_view name;
  std::string_view addr;
  size_t lt = raw.rfind('<');
  if (lt != std::string_view::npos) {
    size_t gt = raw.find('>', lt);
    addr = raw.substr(lt + 1, gt == std::string_view::npos ? std::string_view::npos : gt - lt - 1);
    name = raw.substr(0, lt);
  } else {
    size_t at = raw.rfind('@');
    if (at != std::string_view::npos) {
      size_t b = raw.find_last_of(" \t,;", at);
      b = b == std::string_view::npos ? 0 : b + 1;
      size_t e = raw.find_first_of(" \t,;", at);
      addr = raw.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b);
      name = raw.substr(0, b);
    } else {
      name = raw;
    }
  }
  Mailbox mb;
  mb.address = std::string(strip_chars(addr, kJunk));
  if (mb.address.find('@') == std::string::npos) mb.address.clear();
  std::string name_text(strip_chars(name, kJunk));
  if (!name_text.empty()) {
    GString_ decoded(g_mime_utils_header_decode_phrase(w.options, name_text.c_str()));
    mb.display_name = decoded ? decoded.get() : name_text;
    if (!is_valid_utf8(mb.display_name)) make_valid_utf8(mb.display_name);
  }
  mb.domain = domain_of(mb.address);
  std::string quoted = note_item(std::string(raw).c_str());
  if (mb.address.empty() && mb.display_name.empty()) {
    w.notes.add(std::string("the ") + header + " header (" + quoted +
                ") holds no readable address");
    return;
  }
  w.notes.add(std::string("the ") + header + " header (" + quoted + ") is malformed; read as " +
              (mb.address.empty() ? "a name with no address"
                                  : "the address " + note_item(mb.address.c_str())));
  out.push_back(std::move(mb));
}

void fill_message(GMimeMessage* gm, int msg_depth, Message& m, Walk& w) {
  auto* obj = GMIME_OBJECT(gm);
  GMimeHeaderList* headers = g_mime_object_get_header_list(obj);
  int count = headers == nullptr ? 0 : g_mime_header_list_get_count(headers);
  for (int i = 0; i < count; ++i) {
    if (m.headers.size() >= kMaxHeaders) {
      w.notes.add("the message has more than " + std::to_string(kMaxHeaders) +
                  " headers; the rest were skipped");
      break;
    }
    GMimeHeader* h = g_mime_header_list_get_header_at(headers, i);
    const char* name = g_mime_header_get_name(h);
    m.headers.push_back({name != nullptr ? name : "", unfold(g_mime_header_get_raw_value(h))});
  }

  add_mailboxes(g_mime_message_get_from(gm), m.from, w.notes, "From");
  add_mailboxes(g_mime_message_get_reply_to(gm), m.reply_to, w.notes, "Reply-To");
  add_mailboxes(g_mime_message_get_sender(gm), m.sender, w.notes, "Sender");
  salvage_mailbox(m, "From", m.from, w);
  salvage_mailbox(m, "Reply-To", m.reply_to, w);
  salvage_mailbox(m, "Sender", m.sender, w);
  if (const char* s = g_mime_message_get_subject(gm)) m.subject = s;
  if (const char* id = g_mime_message_get_message_id(gm)) m.message_id = id;
  auto list_ids = m.header_values("List-Id");
  if (!list_ids.empty()) m.list_id = std::string(list_ids.front());

  auto return_paths = m.header_values("Return-Path");
  if (!return_paths.empty()) {
    std::string rp(return_paths.front());
    GPtr<InternetAddressList> list(internet_address_list_parse(w.options, rp.c_str()));
    if (list && internet_address_list_length(list.get()) > 0) {
      InternetAddress* ia = internet_address_list_get_address(list.get(), 0);
      if (INTERNET_ADDRESS_IS_MAILBOX(ia)) {
        const char* addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia));
        if (addr != nullptr) m.return_path = addr;
      }
    } else {
      std::string_view v = trim(rp);
      if (!v.empty() && v.front() == '<') v.remove_prefix(1);
      if (!v.empty() && v.back() == '>') v.remove_suffix(1);
      m.return_path = std::string(trim(v));
    }
  }

  auto froms = m.header_values("From");
  if (!froms.empty() && froms.front().find("=?") != std::string_view::npos) {
    bool name_has_at = false;
    for (const auto& mb : m.from) name_has_at = name_has_at || has_at_sign(mb.display_name);
    if (name_has_at && encoded_words_hide_address(froms.front(), w.options)) {
      m.encoded_from_hides_address = true;
    }
  }

  GMimeObject* body = g_mime_message_get_mime_part(gm);
  if (body != nullptr) walk_object(body, msg_depth, 0, m, w);
}

void add_leaf(GMimePart* part, int depth, Message& m, Walk& w) {
  auto* obj = GMIME_OBJECT(part);
  std::string type = "application/octet-stream";
  if (GMimeContentType* ct = g_mime_object_get_content_type(obj)) {
    GString_ mime(g_mime_content_type_get_mime_type(ct));
    if (mime) type = ascii_lower(mime.get());
  }
  std::string disposition;
  if (const char* d = g_mime_object_get_disposition(obj)) disposition = ascii_lower(trim(d));
  std::string filename;
  if (const char* f = g_mime_part_get_filename(part)) filename = f;

  bool text_body = (type == "text/plain" || type == "text/html") && disposition != "attachment" &&
                   filename.empty();
  if (text_body) {
    BodyPart bp;
    bp.content_type = type;
    if (const char* cs = g_mime_object_get_content_type_parameter(obj, "charset")) bp.charset = cs;
    Decoded d = decode_part(part, w.limits.max_text_bytes, true);
    std::string what = "the " + type + " body";
    if (d.bad_base64 > 0) {
      w.notes.add(what + " has " + std::to_string(d.bad_base64) +
                  " character(s) that are not base64; they were skipped");
    }
    bp.text = to_utf8(std::move(d.data), bp.charset, what, w.notes);
    if (d.stopped || bp.text.size() > w.limits.max_text_bytes) {
      cut_utf8(bp.text, w.limits.max_text_bytes);
      bp.truncated = true;
      w.notes.add(what + " is longer than " + human_size(w.limits.max_text_bytes) +
                  "; only the start was examined");
    }
    (type == "text/html" ? m.html_parts : m.text_parts).push_back(std::move(bp));
    return;
  }

  Attachment a;
  a.filename = filename;
  a.content_type = type;
  a.disposition = disposition;
  a.depth = depth;
  Decoded d = decode_part(part, w.limits.max_attachment_bytes, false);
  std::string label = filename.empty() ? "an attachment (" + type + ")"
                                       : "the attachment " + note_item(filename.c_str());
  if (d.bad_base64 > 0) {
    w.notes.add(label + " has " + std::to_string(d.bad_base64) +
                " character(s) that are not base64; they were skipped");
  }
  a.size = d.size;
  a.data = std::move(d.data);
  if (a.size > a.data.size()) {
    w.notes.add(label + " is " + human_size(a.size) + "; only the first " +
                human_size(w.limits.max_attachment_bytes) + " were examined");
  }
  m.attachments.push_back(std::move(a));
}

void walk_object(GMimeObject* obj, int msg_depth, int mp_depth, Message& m, Walk& w) {
  int tree_depth = msg_depth + mp_depth;
  if (GMIME_IS_MULTIPART(obj)) {
    if (mp_depth >= w.limits.max_depth) {
      w.notes.add("multipart sections are nested more than " + std::to_string(w.limits.max_depth) +
                  " levels deep; the deeper ones were skipped");
      return;
    }
    auto* mp = GMIME_MULTIPART(obj);
    int n = g_mime_multipart_get_count(mp);
    for (int i = 0; i < n; ++i) {
      walk_object(g_mime_multipart_get_part(mp, i), msg_depth, mp_depth + 1, m, w);
    }
    return;
  }
  if (GMIME_IS_MESSAGE_PART(obj)) {
    GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(obj));
    if (inner == nullptr) return;
    if (msg_depth >= w.limits.max_depth) {
      w.notes.add("attached messages are nested more than " + std::to_string(w.limits.max_depth) +
                  " levels deep; the deeper ones were skipped");
      return;
    }
    Message sub;
    sub.source = m.source;
    fill_message(inner, msg_depth + 1, sub, w);
    m.embedded.push_back(std::move(sub));
    return;
  }
  if (GMIME_IS_PART(obj)) {
    if (w.leaves >= w.limits.max_parts) {
      if (!w.leaves_noted) {
        w.notes.add("the message has more than " + std::to_string(w.limits.max_parts) +
                    " MIME parts; the rest were not examined");
        w.leaves_noted = true;
      }
      return;
    }
    ++w.leaves;
    add_leaf(GMIME_PART(obj), tree_depth, m, w);
  }
}

bool blank(std::string_view s) { return trim(s).empty(); }

// `needle` starts with 'm' (lower-case); the candidates are found with two memchr scans.
bool contains_icase(std::string_view hay, std::string_view needle) {
  size_t lo = hay.find('m');
  size_t up = hay.find('M');
  while (true) {
    size_t i = std::min(lo, up);
    if (i == std::string_view::npos || i + needle.size() > hay.size()) return false;
    if (g_ascii_strncasecmp(hay.data() + i, needle.data(), needle.size()) == 0) return true;
    if (i == lo) {
      lo = hay.find('m', i + 1);
    } else {
      up = hay.find('M', i + 1);
    }
  }
}

// GMime builds every header and part it finds, with no bound of its own: 1 MB of empty parts is
// 200,000 GObjects and a second of CPU, 14 MB of header lines three seconds. So before GMime
// sees the bytes: a top-level header block longer than kMaxHeaderLines lines loses the excess
// lines, and a multipart message with more than max_parts * kDashLinesPerPart lines starting
// with "--" (the only way to open a part) is cut at that line. Returns `bytes` or a view of
// `owned`.
std::string_view bound_for_gmime(std::string_view bytes, const MessageLimits& limits,
                                 std::string& owned, Notes& notes) {
  size_t lines = 0;
  for (size_t pos = 0; pos < bytes.size();) {
    size_t eol = bytes.find('\n', pos);
    if (eol == std::string_view::npos) break;
    if (eol == pos || (eol == pos + 1 && bytes[pos] == '\r')) break;  // end of the header
    if (++lines > kMaxHeaderLines) {
      size_t blank = bytes.find("\n\n", pos);
      size_t crlf = bytes.find("\n\r\n", pos);
      blank = std::min(blank, crlf);
      owned.assign(bytes.substr(0, pos));
      if (blank != std::string_view::npos) owned.append(bytes.substr(blank + 1));
      notes.add("the header has more than " + std::to_string(kMaxHeaderLines) +
                " lines; the rest of it was skipped");
      bytes = owned;
      break;
    }
    pos = eol + 1;
  }
  if (!contains_icase(bytes, "multipart")) return bytes;
  size_t max_dash_lines = static_cast<size_t>(std::max(limits.max_parts, 1)) * kDashLinesPerPart;
  size_t dash_lines = 0;
  for (size_t nl = bytes.find("\n--"); nl != std::string_view::npos;
       nl = bytes.find("\n--", nl + 3)) {
    if (++dash_lines > max_dash_lines) {
      notes.add("the message has more than " + std::to_string(max_dash_lines) +
                " MIME boundary lines; only the first " + human_size(nl + 1) + " were read");
      return bytes.substr(0, nl + 1);
    }
  }
  return bytes;
}

// Parses `bytes` (already cut to the limit); `pre` holds notes made by the caller.
Result<Message> parse_bytes(std::string_view bytes, std::string source, const MessageLimits& limits,
                            std::vector<std::string> pre) {
  if (blank(bytes)) return fail(Errc::kParse, "empty input: there is no message", source);
  init_gmime();
  Notes notes;
  for (const auto& p : pre) notes.add(p);

  std::unique_ptr<GMimeParserOptions, OptionsFree> options(g_mime_parser_options_new());
  static const char* kFallback[] = {"utf-8", "windows-1252", nullptr};
  g_mime_parser_options_set_fallback_charsets(options.get(), kFallback);
  g_mime_parser_options_set_warning_callback(options.get(), on_parser_warning, &notes);

  std::string bounded;
  bytes = bound_for_gmime(bytes, limits, bounded, notes);

  auto construct = [&](std::string_view data) {
    GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(data.data(), data.size()));
    GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
    return GPtr<GMimeMessage>(g_mime_parser_construct_message(parser.get(), options.get()));
  };
  Notes before = notes;
  GPtr<GMimeMessage> gm = construct(bytes);
  if (!gm) {
    // GMime found no header block at all (plain text, say): read it again behind an empty
    // header block, so that the whole input becomes the body.
    notes = before;
    std::string body;
    body.reserve(bytes.size() + 1);
    body.push_back('\n');
    body.append(bytes);
    gm = construct(body);
    if (!gm) return fail(Errc::kParse, "not an e-mail message: GMime could not read it", source);
  }

  Message m;
  m.source = std::move(source);
  Walk w{limits, notes, options.get()};
  fill_message(gm.get(), 0, m, w);
  if (m.headers.empty()) {
    notes.add("no e-mail headers were found: this does not look like an e-mail message");
  }
  if (limits.keep_raw) m.raw.assign(bytes);
  m.notes = notes.take();
  return m;
}

// ---- files ----------------------------------------------------------------------------------

// A read-only memory map of a whole regular file (empty files map to an empty view).
class MappedFile {
 public:
  static Result<MappedFile> open(const std::string& path) {
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) return Unexpected(error_from_errno(errno, "cannot open", path));
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0)
      return Unexpected(error_from_errno(errno, "cannot stat", path));
    if (!S_ISREG(st.st_mode)) return fail(Errc::kUnsupported, "not a regular file", path);
    MappedFile f;
    f.size_ = static_cast<size_t>(st.st_size);
    if (f.size_ == 0) return f;
    void* p = ::mmap(nullptr, f.size_, PROT_READ, MAP_PRIVATE, fd.get(), 0);
    if (p == MAP_FAILED) return Unexpected(error_from_errno(errno, "cannot map", path));
    ::madvise(p, f.size_, MADV_SEQUENTIAL);
    f.data_ = p;
    return f;
  }
  MappedFile() = default;
  MappedFile(MappedFile&& o) noexcept : data_(o.data_), size_(o.size_) {
    o.data_ = nullptr;
    o.size_ = 0;
  }
  MappedFile& operator=(MappedFile&&) = delete;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile() {
    if (data_ != nullptr) ::munmap(data_, size_);
  }
  std::string_view view() const {
    return data_ == nullptr ? std::string_view()
                            : std::string_view(static_cast<char*>(data_), size_);
  }

 private:
  void* data_ = nullptr;
  size_t size_ = 0;
};

// Reads at most `cap` bytes of a regular file; `size` is the file's full size.
Result<std::string> read_file_capped(const std::string& path, size_t cap, size_t& size) {
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return Unexpected(error_from_errno(errno, "cannot open", path));
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return Unexpected(error_from_errno(errno, "cannot stat", path));
  if (!S_ISREG(st.st_mode)) return fail(Errc::kUnsupported, "not a regular file", path);
  size = static_cast<size_t>(st.st_size);
  std::string out(std::min(size, cap), '\0');
  size_t got = 0;
  while (got < out.size()) {
    ssize_t n = ::read(fd.get(), out.data() + got, out.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Unexpected(error_from_errno(errno, "cannot read", path));
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  out.resize(got);
  return out;
}

// Parses one file as one message and hands it on; false when nothing could be delivered.
bool deliver_file(const std::string& path, const MessageSink& each, const ErrorSink& on_error,
                  const MessageLimits& limits) {
  size_t size = 0;
  auto bytes = read_file_capped(path, limits.max_message_bytes, size);
  if (!bytes) {
    on_error(path, bytes.error().message());
    return false;
  }
  std::vector<std::string> pre;
  if (size > bytes->size()) {
    pre.push_back("the file is " + human_size(size) + "; only the first " +
                  human_size(limits.max_message_bytes) + " were read");
  }
  auto m = parse_bytes(*bytes, path, limits, std::move(pre));
  if (!m) {
    on_error(path, m.error().message());
    return false;
  }
  each(std::move(*m));
  return true;
}

// ---- mbox -----------------------------------------------------------------------------------

bool line_is_blank(std::string_view line) { return line.empty() || line == "\r"; }

// A "From " separator: at the start of the data, or after a blank line, or shaped like an
// mbox From_ line ("From sender date...", with a digit in the date).
bool is_separator(std::string_view data, size_t line_start) {
  if (data.compare(line_start, 5, "From ") != 0) return false;
  if (line_start == 0) return true;
  // The previous line: [prev_start, line_start - 1).
  size_t prev_end = line_start - 1;
  size_t prev_start = prev_end == 0 ? 0 : data.rfind('\n', prev_end - 1);
  prev_start = prev_start == std::string_view::npos || prev_end == 0 ? 0 : prev_start + 1;
  if (line_is_blank(data.substr(prev_start, prev_end - prev_start))) return true;
  size_t eol = data.find('\n', line_start);
  std::string_view line = data.substr(
      line_start, eol == std::string_view::npos ? std::string_view::npos : eol - line_start);
  size_t sp = line.find(' ', 5);
  if (sp == std::string_view::npos || sp == 5) return false;
  std::string_view rest = line.substr(sp);
  return rest.find_first_of("0123456789") != std::string_view::npos && rest.find(':') != rest.npos;
}

// mboxrd unquoting: a line ">From ", ">>From ", ... loses one '>'.
std::string unquote_from(std::string_view msg) {
  std::string out;
  out.reserve(msg.size());
  size_t pos = 0;
  while (pos < msg.size()) {
    size_t eol = msg.find('\n', pos);
    size_t end = eol == std::string_view::npos ? msg.size() : eol + 1;
    std::string_view line = msg.substr(pos, end - pos);
    size_t gt = line.find_first_not_of('>');
    if (gt != std::string_view::npos && gt > 0 && line.compare(gt, 5, "From ") == 0) {
      line.remove_prefix(1);
    }
    out.append(line);
    pos = end;
  }
  return out;
}

}  // namespace

std::vector<std::string_view> Message::header_values(std::string_view name) const {
  std::vector<std::string_view> out;
  for (const auto& h : headers) {
    if (iequals(h.name, name)) out.emplace_back(h.value);
  }
  return out;
}

Result<Message> parse_message(std::string_view bytes, std::string source,
                              const MessageLimits& limits) {
  std::vector<std::string> pre;
  if (bytes.size() > limits.max_message_bytes) {
    pre.push_back("the message is " + human_size(bytes.size()) + "; only the first " +
                  human_size(limits.max_message_bytes) + " were read");
    bytes = bytes.substr(0, limits.max_message_bytes);
  }
  return parse_bytes(bytes, std::move(source), limits, std::move(pre));
}

size_t read_mbox_data(std::string_view data, const std::string& name, const MessageSink& each,
                      const ErrorSink& on_error, const MessageLimits& limits) {
  size_t delivered = 0;
  size_t number = 0;
  size_t pos = 0;
  bool first = true;
  while (pos < data.size()) {
    // This message: from `pos` (its From_ line, unless the data does not start with one) to
    // the next separator.
    size_t body = pos;
    bool has_from_line = data.compare(pos, 5, "From ") == 0;
    if (has_from_line) {
      size_t eol = data.find('\n', pos);
      body = eol == std::string_view::npos ? data.size() : eol + 1;
    }
    size_t next = data.size();
    for (size_t nl = data.find('\n', body > 0 ? body - 1 : 0); nl != std::string_view::npos;
         nl = data.find('\n', nl + 1)) {
      if (nl + 1 < data.size() && nl + 1 > pos && is_separator(data, nl + 1)) {
        next = nl + 1;
        break;
      }
    }
    std::string_view msg = data.substr(body, next - body);
    ++number;
    std::string source = name + ":" + std::to_string(number);
    std::vector<std::string> pre;
    if (first && !has_from_line) {
      pre.push_back("the mailbox does not start with a \"From \" line; read as one message");
    }
    first = false;
    if (next < data.size()) {
      // The blank line an mbox writer puts before the next From_ line is not the message's.
      if (msg.ends_with("\r\n\r\n")) {
        msg.remove_suffix(2);
      } else if (msg.ends_with("\n\n")) {
        msg.remove_suffix(1);
      }
    } else if (!msg.empty() && msg.back() != '\n') {
      pre.push_back("the mailbox ends in the middle of a line: this last message is cut short");
    }
    pos = next;
    if (blank(msg)) {
      if (next < data.size() || has_from_line) on_error(source, "empty message in the mailbox");
      continue;
    }
    if (msg.size() > limits.max_message_bytes) {
      pre.push_back("the message is " + human_size(msg.size()) + "; only the first " +
                    human_size(limits.max_message_bytes) + " were read");
      msg = msg.substr(0, limits.max_message_bytes);
    }
    std::string unquoted = unquote_from(msg);
    auto m = parse_bytes(unquoted, source, limits, std::move(pre));
    if (!m) {
      on_error(source, m.error().message());
      continue;
    }
    each(std::move(*m));
    ++delivered;
  }
  return delivered;
}

Result<size_t> read_mbox(const std::string& path, const MessageSink& each,
                         const ErrorSink& on_error, const MessageLimits& limits) {
  auto file = MappedFile::open(path);
  if (!file) return Unexpected(file.error());
  return read_mbox_data(file->view(), path, each, on_error, limits);
}

Result<size_t> read_maildir(const std::string& path, const MessageSink& each,
                            const ErrorSink& on_error, const MessageLimits& limits) {
  namespace fs = std::filesystem;
  std::error_code ec;
  bool any_dir = false;
  size_t delivered = 0;
  for (const char* sub : {"cur", "new"}) {
    fs::path dir = fs::path(path) / sub;
    if (!fs::is_directory(dir, ec)) continue;
    any_dir = true;
    std::vector<std::string> names;
    fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      on_error(dir.string(), "cannot list: " + ec.message());
      continue;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) {
        on_error(dir.string(), "cannot list: " + ec.message());
        break;
      }
      std::string file = it->path().filename().string();
      if (file.empty() || file.front() == '.') continue;
      if (!it->is_regular_file(ec)) continue;
      names.push_back(std::move(file));
    }
    std::sort(names.begin(), names.end());
    for (const auto& n : names) {
      if (deliver_file((dir / n).string(), each, on_error, limits)) ++delivered;
    }
  }
  if (!any_dir) return fail(Errc::kNotFound, "not a Maildir (no cur/ or new/ directory)", path);
  return delivered;
}

Result<size_t> read_eml_paths(const std::vector<std::string>& paths, const MessageSink& each,
                              const ErrorSink& on_error, const MessageLimits& limits) {
  namespace fs = std::filesystem;
  size_t delivered = 0;
  size_t opened = 0;
  for (const auto& p : paths) {
    std::error_code ec;
    auto st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      on_error(p, "no such file or directory");
      continue;
    }
    if (!fs::is_directory(st)) {
      ++opened;
      if (deliver_file(p, each, on_error, limits)) ++delivered;
      continue;
    }
    ++opened;
    std::vector<std::string> files;
    fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      on_error(p, "cannot list: " + ec.message());
      continue;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) {
        on_error(p, "cannot list: " + ec.message());
        break;
      }
      std::error_code fec;
      if (it->is_regular_file(fec)) files.push_back(it->path().string());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      if (deliver_file(f, each, on_error, limits)) ++delivered;
    }
  }
  if (!paths.empty() && opened == 0) {
    return fail(Errc::kNotFound, "none of the given files or directories exists");
  }
  return delivered;
}

}  // namespace sw::phish
