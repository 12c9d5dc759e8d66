// SPDX-License-Identifier: Apache-2.0
// DKIM verification and signing through libopendkim (see dkim.h). The message is handed over
// field by field (folded lines kept, CRLF restored by DKIM_LIBFLAGS_FIXCRLF), then the body; keys
// come from DkimKeys through dkim_set_key_lookup(), never from DNS.
#include "phish/dkim.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>

#include "core/ascii.h"
#include "core/host.h"

// dkim.h is C and uses C99's _Bool, which C++ spells bool (same size and ABI on every Debian
// architecture).
#define _Bool bool
#include <opendkim/dkim.h>
#undef _Bool

namespace sw::phish {
namespace {

struct LibCloser {
  void operator()(DKIM_LIB* lib) const { dkim_close(lib); }
};
using LibPtr = std::unique_ptr<DKIM_LIB, LibCloser>;
struct DkimFree {
  void operator()(DKIM* d) const { dkim_free(d); }
};
using DkimPtr = std::unique_ptr<DKIM, DkimFree>;

unsigned char* ucast(const char* s) {
  return reinterpret_cast<unsigned char*>(const_cast<char*>(s));
}

// The message as header fields (each with its folded continuation lines, joined by CRLF) and
// the body.
struct SplitMessage {
  std::vector<std::string> fields;
  std::string_view body;
};

SplitMessage split_message(std::string_view raw) {
  SplitMessage m;
  size_t pos = 0;
  while (pos < raw.size()) {
    size_t eol = raw.find('\n', pos);
    size_t next = eol == std::string_view::npos ? raw.size() : eol + 1;
    std::string_view line =
        raw.substr(pos, (eol == std::string_view::npos ? raw.size() : eol) - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = next;
    if (line.empty()) {
      m.body = raw.substr(pos);
      return m;
    }
    if ((line.front() == ' ' || line.front() == '\t') && !m.fields.empty()) {
      m.fields.back() += "\r\n";
      m.fields.back() += line;
    } else {
      m.fields.emplace_back(line);
    }
  }
  return m;
}

// What the callbacks need, through the verify handle's user context.
struct VerifyContext {
  const DkimKeys* keys = nullptr;
};

// libopendkim's key lookup: the TXT text for the signature's selector and domain from the
// DkimKeys in the handle's user context.
DKIM_CBSTAT key_lookup(DKIM* dkim, DKIM_SIGINFO* sig, u_char* buf, size_t buflen) {
  const auto* ctx = static_cast<const VerifyContext*>(dkim_get_user_context(dkim));
  const DkimKeys* keys = ctx != nullptr ? ctx->keys : nullptr;
  const unsigned char* sel = dkim_sig_getselector(sig);
  const unsigned char* dom = dkim_sig_getdomain(sig);
  if (keys == nullptr || sel == nullptr || dom == nullptr) return DKIM_CBSTAT_NOTFOUND;
  const std::string* txt =
      keys->find(reinterpret_cast<const char*>(sel), reinterpret_cast<const char*>(dom));
  if (txt == nullptr || txt->size() + 1 > buflen) return DKIM_CBSTAT_NOTFOUND;
  std::memcpy(buf, txt->c_str(), txt->size() + 1);
  return DKIM_CBSTAT_CONTINUE;
}

// Verifies only the first kMaxDkimSignatures signatures.
DKIM_CBSTAT prescreen(DKIM* /*dkim*/, DKIM_SIGINFO** sigs, int nsigs) {
  for (int idx = static_cast<int>(kMaxDkimSignatures); idx < nsigs; ++idx) {
    dkim_sig_ignore(sigs[idx]);
  }
  return DKIM_CBSTAT_CONTINUE;
}

LibPtr make_lib() {
  LibPtr lib(dkim_init(nullptr, nullptr));
  if (!lib) return lib;
  unsigned int flags = DKIM_LIBFLAGS_FIXCRLF;
  (void)dkim_options(lib.get(), DKIM_OP_SETOPT, DKIM_OPTS_FLAGS, &flags, sizeof flags);
  // Signature age is not judged: libopendkim compares x= (expiry) and t= (signing time) with
  // today's clock, so an archived message would "fail" only for being old, and no verdict here
  // may depend on the date. A clock drift of ~31 years switches both checks off for any real
  // signature (t= after 2001); larger values wrap around in libopendkim's "t - drift".
  uint64_t drift = 1'000'000'000ULL;
  (void)dkim_options(lib.get(), DKIM_OP_SETOPT, DKIM_OPTS_CLOCKDRIFT, &drift, sizeof drift);
  return lib;
}

// Feeds headers and body; returns the status of dkim_eoh() (DKIM_STAT_NOSIG when unsigned) or of
// the first failing call.
DKIM_STAT feed(DKIM* dkim, const SplitMessage& m) {
  for (const auto& f : m.fields) {
    DKIM_STAT st = dkim_header(dkim, ucast(f.c_str()), f.size());
    if (st != DKIM_STAT_OK) return st;
  }
  DKIM_STAT st = dkim_eoh(dkim);
  if (st != DKIM_STAT_OK) return st;
  constexpr size_t kChunk = 64 * 1024;
  std::string chunk;
  for (size_t off = 0; off < m.body.size(); off += kChunk) {
    chunk.assign(m.body.substr(off, kChunk));
    st = dkim_body(dkim, ucast(chunk.c_str()), chunk.size());
    if (st != DKIM_STAT_OK) return st;
  }
  return DKIM_STAT_OK;
}

}  // namespace

std::string_view dkim_status_name(DkimStatus s) {
  switch (s) {
    case DkimStatus::kPass:
      return "pass";
    case DkimStatus::kFail:
      return "fail";
    case DkimStatus::kNoKey:
      return "no-key";
    case DkimStatus::kError:
      return "error";
  }
  return "error";
}

void DkimKeys::add(std::string_view name, std::string txt) {
  if (keys_.size() >= kMaxDkimKeys) return;
  std::string n = ascii_lower(trim(name));
  while (!n.empty() && n.back() == '.') n.pop_back();
  keys_[n] = std::move(txt);
}

const std::string* DkimKeys::find(std::string_view selector, std::string_view domain) const {
  std::string name = ascii_lower(selector) + "._domainkey." + ascii_lower(domain);
  while (!name.empty() && name.back() == '.') name.pop_back();
  auto it = keys_.find(name);
  return it == keys_.end() ? nullptr : &it->second;
}

void DkimKeys::parse_into(std::string_view text, const std::string& origin) {
  size_t bad = 0;
  size_t lineno = 0;
  bool full = false;
  while (!text.empty()) {
    size_t eol = text.find('\n');
    std::string_view line = trim(text.substr(0, eol));
    text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
    ++lineno;
    if (line.empty() || line.front() == '#' || line.front() == ';') continue;
    size_t sp = line.find_first_of(" \t");
    std::string_view name = line.substr(0, sp);
    std::string_view rest =
        sp == std::string_view::npos ? std::string_view() : trim(line.substr(sp));
    // Optional zone-file words between the name and the text: a TTL, "IN", "TXT".
    while (true) {
      size_t w = rest.find_first_of(" \t");
      std::string_view word = rest.substr(0, w);
      std::string lw = ascii_lower(word);
      bool ttl = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) != 0;
      });
      if (w == std::string_view::npos || !(lw == "in" || lw == "txt" || ttl)) break;
      rest = trim(rest.substr(w));
    }
    std::string txt;
    if (rest.find('"') != std::string_view::npos) {
      // "v=DKIM1; k=rsa; " "p=MIIB..." -> joined, parentheses ignored.
      size_t i = 0;
      while ((i = rest.find('"', i)) != std::string_view::npos) {
        size_t end = rest.find('"', i + 1);
        if (end == std::string_view::npos) break;
        txt += rest.substr(i + 1, end - i - 1);
        i = end + 1;
      }
    } else {
      txt = std::string(rest);
    }
    if (name.find("._domainkey.") == std::string_view::npos || txt.empty() ||
        txt.size() > kMaxDkimTxtBytes) {
      ++bad;
      continue;
    }
    if (keys_.size() >= kMaxDkimKeys) {
      full = true;
      break;
    }
    add(name, std::move(txt));
  }
  if (bad > 0) {
    notes_.push_back(origin + ": " + std::to_string(bad) +
                     " line(s) are not 'selector._domainkey.domain TXT-text' and were skipped");
  }
  if (full) {
    notes_.push_back(origin + ": more than " + std::to_string(kMaxDkimKeys) +
                     " keys; the rest were not read");
  }
}

DkimKeys DkimKeys::parse(std::string_view text) {
  DkimKeys k;
  k.parse_into(text, "keys");
  return k;
}

Result<DkimKeys> DkimKeys::load(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> files;
  if (fs::is_directory(path, ec)) {
    for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file(ec)) files.push_back(it->path());
    }
    if (ec) return fail(Errc::kIo, "cannot read the DKIM key directory: " + ec.message(), path);
    std::sort(files.begin(), files.end());
  } else {
    files.emplace_back(path);
  }
  DkimKeys keys;
  if (files.size() > kMaxDkimKeyFiles) {
    files.resize(kMaxDkimKeyFiles);
    keys.notes_.push_back(path + ": more than " + std::to_string(kMaxDkimKeyFiles) +
                          " files; the rest were not read");
  }
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) {
      if (files.size() == 1) return fail(Errc::kIo, "cannot open the DKIM key file", f.string());
      keys.notes_.push_back(f.string() + ": cannot be opened, skipped");
      continue;
    }
    std::string text(kMaxDkimKeyFileBytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<size_t>(in.gcount()));
    if (text.size() > kMaxDkimKeyFileBytes) {
      text.resize(kMaxDkimKeyFileBytes);
      keys.notes_.push_back(f.string() + ": larger than " + std::to_string(kMaxDkimKeyFileBytes) +
                            " bytes; only the start was read");
    }
    keys.parse_into(text, f.string());
  }
  return keys;
}

Result<DkimReport> verify_dkim(std::string_view raw, const DkimKeys& keys) {
  DkimReport report;
  if (raw.size() > kMaxDkimMessageBytes) {
    raw = raw.substr(0, kMaxDkimMessageBytes);
    report.notes.push_back("the message is larger than " + std::to_string(kMaxDkimMessageBytes) +
                           " bytes; only the start was checked, so signatures will not match");
  }
  SplitMessage m = split_message(raw);
  if (m.fields.empty()) return fail(Errc::kParse, "no header fields to check DKIM on");
  LibPtr lib = make_lib();
  if (!lib) return fail(Errc::kInternal, "libopendkim could not be initialized");
  (void)dkim_set_key_lookup(lib.get(), &key_lookup);
  (void)dkim_set_prescreen(lib.get(), &prescreen);
  DKIM_STAT st = DKIM_STAT_OK;
  DkimPtr dkim(dkim_verify(lib.get(), ucast("shieldwall"), nullptr, &st));
  if (!dkim) return fail(Errc::kInternal, std::string("libopendkim: ") + dkim_getresultstr(st));
  VerifyContext ctx{&keys};
  (void)dkim_set_user_context(dkim.get(), &ctx);
  st = feed(dkim.get(), m);
  if (st == DKIM_STAT_NOSIG) return report;  // unsigned
  if (st == DKIM_STAT_OK) {
    st = dkim_eom(dkim.get(), nullptr);
  } else {
    const char* why = dkim_geterror(dkim.get());
    report.notes.push_back(std::string("libopendkim stopped reading the message: ") +
                           (why != nullptr ? why : dkim_getresultstr(st)));
  }
  DKIM_SIGINFO** sigs = nullptr;
  int nsigs = 0;
  if (dkim_getsiglist(dkim.get(), &sigs, &nsigs) != DKIM_STAT_OK || sigs == nullptr) {
    return report;
  }
  if (static_cast<size_t>(nsigs) > kMaxDkimSignatures) {
    report.notes.push_back(std::to_string(nsigs) + " DKIM signatures; only the first " +
                           std::to_string(kMaxDkimSignatures) + " were checked");
  }
  for (int idx = 0; idx < nsigs && static_cast<size_t>(idx) < kMaxDkimSignatures; ++idx) {
    DKIM_SIGINFO* sig = sigs[idx];
    DkimSignatureCheck c;
    if (const unsigned char* d = dkim_sig_getdomain(sig); d != nullptr) {
      c.domain = ascii_lower(reinterpret_cast<const char*>(d));
    }
    if (const unsigned char* s = dkim_sig_getselector(sig); s != nullptr) {
      c.selector = reinterpret_cast<const char*>(s);
    }
    unsigned int flags = dkim_sig_getflags(sig);
    int bh = dkim_sig_getbh(sig);
    int err = dkim_sig_geterror(sig);
    const char* errstr = dkim_sig_geterrorstr(err);
    if ((flags & DKIM_SIGFLAG_PASSED) != 0 && bh == DKIM_SIGBH_MATCH) {
      c.status = DkimStatus::kPass;
    } else if (err == DKIM_SIGERROR_NOKEY || err == DKIM_SIGERROR_KEYFAIL) {
      c.status = DkimStatus::kNoKey;
      c.reason = "no key for " + c.selector + "._domainkey." + c.domain + " in the key file";
    } else if (bh == DKIM_SIGBH_MISMATCH) {
      c.status = DkimStatus::kFail;
      c.reason = "body hash mismatch: the body was changed after signing";
    } else if (err == DKIM_SIGERROR_BADSIG || err == DKIM_SIGERROR_EXPIRED ||
               err == DKIM_SIGERROR_FUTURE || (flags & DKIM_SIGFLAG_PROCESSED) != 0) {
      c.status = DkimStatus::kFail;
      c.reason =
          errstr != nullptr && err != DKIM_SIGERROR_OK ? errstr : "signature verification failed";
    } else {
      c.status = DkimStatus::kError;
      c.reason = errstr != nullptr && err != DKIM_SIGERROR_OK ? errstr : "not checked";
    }
    report.signatures.push_back(std::move(c));
  }
  return report;
}

Result<std::string> dkim_sign_message(std::string_view raw, const DkimSignSpec& spec) {
  SplitMessage m = split_message(raw);
  if (m.fields.empty()) return fail(Errc::kParse, "no header fields to sign");
  LibPtr lib = make_lib();
  if (!lib) return fail(Errc::kInternal, "libopendkim could not be initialized");
  if (spec.sign_time != 0) {
    uint64_t t = spec.sign_time;
    (void)dkim_options(lib.get(), DKIM_OP_SETOPT, DKIM_OPTS_FIXEDTIME, &t, sizeof t);
  }
  if (spec.ttl != 0) {
    uint64_t ttl = spec.ttl;
    (void)dkim_options(lib.get(), DKIM_OP_SETOPT, DKIM_OPTS_SIGNATURETTL, &ttl, sizeof ttl);
  }
  DKIM_STAT st = DKIM_STAT_OK;
  DkimPtr dkim(dkim_sign(lib.get(), ucast("shieldwall"), nullptr,
                         ucast(spec.private_key_pem.c_str()), ucast(spec.selector.c_str()),
                         ucast(spec.domain.c_str()), DKIM_CANON_RELAXED, DKIM_CANON_RELAXED,
                         DKIM_SIGN_RSASHA256, -1, &st));
  if (!dkim) return fail(Errc::kInternal, std::string("libopendkim: ") + dkim_getresultstr(st));
  st = feed(dkim.get(), m);
  if (st == DKIM_STAT_OK) st = dkim_eom(dkim.get(), nullptr);
  if (st != DKIM_STAT_OK) {
    const char* why = dkim_geterror(dkim.get());
    return fail(Errc::kInternal, std::string("libopendkim could not sign: ") +
                                     (why != nullptr ? why : dkim_getresultstr(st)));
  }
  static constexpr std::string_view kName = "DKIM-Signature: ";
  u_char* buf = nullptr;
  size_t len = 0;
  st = dkim_getsighdr_d(dkim.get(), kName.size(), &buf, &len);
  if (st != DKIM_STAT_OK || buf == nullptr) {
    return fail(Errc::kInternal, "libopendkim produced no signature header");
  }
  return std::string(kName) + std::string(reinterpret_cast<const char*>(buf), len);
}

}  // namespace sw::phish
