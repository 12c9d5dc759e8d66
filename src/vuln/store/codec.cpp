// SPDX-License-Identifier: Apache-2.0
// Advisory <-> compact binary (layout in codec.h). Hand-written: no library in the dependency set
// does a schema-less length-prefixed encoding of our own struct without an intermediate DOM.
#include "vuln/store/codec.h"

#include <cstdint>

namespace sw::vuln {
namespace {

class Writer {
 public:
  void byte(unsigned char b) { out_.push_back(static_cast<char>(b)); }
  void uint(uint64_t v) {
    while (v >= 0x80) {
      byte(static_cast<unsigned char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    byte(static_cast<unsigned char>(v));
  }
  void str(std::string_view s) {
    uint(s.size());
    out_.append(s);
  }
  void strs(const std::vector<std::string>& v) {
    uint(v.size());
    for (const auto& s : v) str(s);
  }
  void severities(const std::vector<SeverityScore>& v) {
    uint(v.size());
    for (const auto& s : v) {
      str(s.type);
      str(s.score);
    }
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == in_.size(); }

  unsigned char byte() {
    if (!ok_ || pos_ >= in_.size()) return fail_byte();
    return static_cast<unsigned char>(in_[pos_++]);
  }
  uint64_t uint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      unsigned char b = byte();
      if (!ok_) return 0;
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if ((b & 0x80) == 0) return v;
    }
    ok_ = false;
    return 0;
  }
  // A count of items each at least one byte long: never more than the bytes left.
  size_t count() {
    uint64_t n = uint();
    if (!ok_ || n > in_.size() - pos_) {
      ok_ = false;
      return 0;
    }
    return static_cast<size_t>(n);
  }
  void str(std::string& s) {
    size_t n = count();
    if (!ok_) return;
    s.assign(in_.substr(pos_, n));
    pos_ += n;
  }
  std::string_view view() {
    size_t n = count();
    if (!ok_) return {};
    std::string_view v = in_.substr(pos_, n);
    pos_ += n;
    return v;
  }
  size_t pos() const { return pos_; }
  void seek(size_t p) { pos_ = p; }
  // A list of which only the first item is kept (the others are skipped without allocating).
  void first_of_strs(std::vector<std::string>& v) {
    size_t n = count();
    for (size_t i = 0; i < n && ok_; ++i) {
      if (i == 0) {
        str(v.emplace_back());
      } else {
        view();
      }
    }
  }
  void strs(std::vector<std::string>& v) {
    size_t n = count();
    v.resize(n);
    for (auto& s : v) str(s);
  }
  void severities(std::vector<SeverityScore>& v) {
    size_t n = count();
    v.resize(n);
    for (auto& s : v) {
      str(s.type);
      str(s.score);
    }
  }

 private:
  unsigned char fail_byte() {
    ok_ = false;
    return 0;
  }
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace

namespace {

Result<void> read_affected_rest(Reader& r, Affected& af);

void write_affected(Writer& w, const Affected& af) {
  w.str(af.ecosystem);
  w.str(af.name);
  w.str(af.purl);
  w.uint(af.ranges.size());
  for (const auto& r : af.ranges) {
    w.byte(static_cast<unsigned char>(r.type));
    w.str(r.repo);
    w.uint(r.events.size());
    for (const auto& e : r.events) {
      w.byte(static_cast<unsigned char>(e.kind));
      w.str(e.value);
    }
  }
  w.strs(af.versions);
  w.severities(af.severity);
  w.str(af.db_severity);
}

}  // namespace

std::string encode_affected_list(const std::vector<const Affected*>& entries) {
  Writer w;
  w.byte(kAdvisoryCodecVersion);
  w.uint(entries.size());
  for (const Affected* af : entries) write_affected(w, *af);
  return w.take();
}

Result<void> decode_affected_list(std::string_view bytes, std::vector<Affected>& out) {
  Reader r(bytes);
  if (r.byte() != kAdvisoryCodecVersion || !r.ok()) {
    return fail(Errc::kParse, "affected list: unknown encoding version");
  }
  size_t n = r.count();
  for (size_t i = 0; i < n && r.ok(); ++i) {
    Affected& af = out.emplace_back();
    r.str(af.ecosystem);
    r.str(af.name);
    SW_TRY(read_affected_rest(r, af));
  }
  if (!r.ok()) return fail(Errc::kParse, "affected list: truncated");
  if (!r.at_end()) return fail(Errc::kParse, "affected list: trailing bytes");
  return {};
}

std::string encode_advisory(const Advisory& a) { return encode_advisory(a, true); }

std::string encode_advisory(const Advisory& a, bool with_affected) {
  Writer w;
  w.byte(kAdvisoryCodecVersion);
  w.str(a.id);
  w.str(a.modified);
  w.str(a.published);
  w.str(a.withdrawn);
  w.str(a.summary);
  w.str(a.details);
  w.strs(a.aliases);
  w.strs(a.related);
  w.severities(a.severity);
  w.uint(with_affected ? a.affected.size() : 0);
  if (with_affected) {
    for (const auto& af : a.affected) write_affected(w, af);
  }
  w.strs(a.references);
  w.str(a.db_severity);
  w.str(a.informational);
  return w.take();
}

namespace {

// The fields of one affected entry after its ecosystem and name.
Result<void> read_affected_rest(Reader& r, Affected& af) {
  r.str(af.purl);
  size_t n_ranges = r.count();
  af.ranges.resize(n_ranges);
  for (auto& range : af.ranges) {
    unsigned char type = r.byte();
    if (type > static_cast<unsigned char>(RangeType::kGit)) {
      return fail(Errc::kParse, "advisory body: bad range type");
    }
    range.type = static_cast<RangeType>(type);
    r.str(range.repo);
    size_t n_events = r.count();
    range.events.resize(n_events);
    for (auto& e : range.events) {
      unsigned char kind = r.byte();
      if (kind > static_cast<unsigned char>(RangeEvent::Kind::kLimit)) {
        return fail(Errc::kParse, "advisory body: bad event kind");
      }
      e.kind = static_cast<RangeEvent::Kind>(kind);
      r.str(e.value);
    }
    if (!r.ok()) return {};
  }
  r.strs(af.versions);
  r.severities(af.severity);
  r.str(af.db_severity);
  return {};
}

}  // namespace

Result<Advisory> decode_advisory(std::string_view bytes) {
  return decode_advisory(bytes, DecodeFields::kAll);
}

Result<Advisory> decode_advisory(std::string_view bytes, DecodeFields fields) {
  Reader r(bytes);
  if (r.byte() != kAdvisoryCodecVersion || !r.ok()) {
    return fail(Errc::kParse, "advisory body: unknown encoding version");
  }
  Advisory a;
  r.str(a.id);
  r.str(a.modified);
  r.str(a.published);
  r.str(a.withdrawn);
  r.str(a.summary);
  if (fields == DecodeFields::kAll) {
    r.str(a.details);
  } else {
    r.view();
  }
  r.strs(a.aliases);
  r.strs(a.related);
  r.severities(a.severity);
  size_t n_affected = r.count();
  a.affected.reserve(n_affected);
  for (size_t k = 0; k < n_affected && r.ok(); ++k) {
    Affected& af = a.affected.emplace_back();
    r.str(af.ecosystem);
    r.str(af.name);
    SW_TRY(read_affected_rest(r, af));
  }
  if (fields == DecodeFields::kAll) {
    r.strs(a.references);
  } else {
    r.first_of_strs(a.references);
  }
  r.str(a.db_severity);
  r.str(a.informational);
  if (!r.ok()) return fail(Errc::kParse, "advisory body: truncated");
  if (!r.at_end()) return fail(Errc::kParse, "advisory body: trailing bytes");
  return a;
}

}  // namespace sw::vuln
