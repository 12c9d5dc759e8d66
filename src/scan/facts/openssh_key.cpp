// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/openssh_key.h"

#include <array>

#include <fmt/format.h>

#include "core/base64.h"
#include "scan/context.h"
#include "scan/facts/homes.h"

namespace sw::scan {
namespace {

using Bytes = std::span<const uint8_t>;

constexpr size_t kMaxKeyFile = 64u << 10;  // private key files are a few KiB at most

// Big-endian SSH wire format reader (RFC 4251 section 5) with bounds checks.
class WireReader {
 public:
  explicit WireReader(Bytes data) : data_(data) {}
  bool u32(uint32_t& v) {
    if (data_.size() < 4) return false;
    v = (uint32_t{data_[0]} << 24) | (uint32_t{data_[1]} << 16) | (uint32_t{data_[2]} << 8) |
        uint32_t{data_[3]};
    data_ = data_.subspan(4);
    return true;
  }
  bool bytes(Bytes& out) {
    uint32_t n = 0;
    if (!u32(n) || n > data_.size()) return false;
    out = data_.first(n);
    data_ = data_.subspan(n);
    return true;
  }
  bool text(std::string& out) {
    Bytes b;
    if (!bytes(b)) return false;
    out.assign(b.begin(), b.end());
    return true;
  }

 private:
  Bytes data_;
};

// Bit length of a big-endian unsigned integer (leading zero bytes ignored).
int bit_length(Bytes n) {
  size_t i = 0;
  while (i < n.size() && n[i] == 0) ++i;
  if (i == n.size()) return 0;
  int top = 0;
  for (uint8_t b = n[i]; b != 0; b >>= 1) ++top;
  return static_cast<int>((n.size() - i - 1) * 8) + top;
}

int curve_bits(std::string_view curve) {
  if (curve == "nistp256") return 256;
  if (curve == "nistp384") return 384;
  if (curve == "nistp521") return 521;
  return 0;
}

// --- DER (X.690), only what private keys need ---
struct Der {
  uint8_t tag = 0;
  Bytes body;
};

bool der_next(Bytes& in, Der& out) {
  if (in.size() < 2) return false;
  out.tag = in[0];
  size_t len = in[1];
  size_t hdr = 2;
  if (len & 0x80) {
    size_t n = len & 0x7f;
    if (n == 0 || n > 4 || in.size() < 2 + n) return false;
    len = 0;
    for (size_t i = 0; i < n; ++i) len = (len << 8) | in[2 + i];
    hdr += n;
  }
  if (len > in.size() - hdr) return false;
  out.body = in.subspan(hdr, len);
  in = in.subspan(hdr + len);
  return true;
}

bool der_expect(Bytes& in, uint8_t tag, Der& out) { return der_next(in, out) && out.tag == tag; }

constexpr uint8_t kSeq = 0x30, kInt = 0x02, kOctets = 0x04, kOid = 0x06;

bool oid_is(Bytes oid, std::initializer_list<uint8_t> want) {
  return oid.size() == want.size() && std::equal(oid.begin(), oid.end(), want.begin());
}

void ec_curve(Bytes oid, PrivateKeyInfo& info) {
  if (oid_is(oid, {0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07})) {
    info.type = "ecdsa-sha2-nistp256";
    info.bits = 256;
  } else if (oid_is(oid, {0x2B, 0x81, 0x04, 0x00, 0x22})) {
    info.type = "ecdsa-sha2-nistp384";
    info.bits = 384;
  } else if (oid_is(oid, {0x2B, 0x81, 0x04, 0x00, 0x23})) {
    info.type = "ecdsa-sha2-nistp521";
    info.bits = 521;
  } else {
    info.type = "ecdsa";
  }
}

// RSAPrivateKey / DSA "SEQUENCE { version, p|n, ... }": bits of the second INTEGER.
bool der_second_int_bits(Bytes in, int& bits) {
  Der seq, v, n;
  if (!der_expect(in, kSeq, seq)) return false;
  Bytes body = seq.body;
  if (!der_expect(body, kInt, v) || !der_expect(body, kInt, n)) return false;
  bits = bit_length(n.body);
  return true;
}

// ECPrivateKey (RFC 5915): SEQUENCE { 1, OCTET STRING d, [0] OID curve OPTIONAL, ... }
bool der_ec(Bytes in, PrivateKeyInfo& info) {
  Der seq, v, d;
  if (!der_expect(in, kSeq, seq)) return false;
  Bytes body = seq.body;
  if (!der_expect(body, kInt, v) || !der_expect(body, kOctets, d)) return false;
  info.type = "ecdsa";
  Der params;
  if (der_next(body, params) && params.tag == 0xA0) {
    Bytes p = params.body;
    Der oid;
    if (der_expect(p, kOid, oid)) ec_curve(oid.body, info);
  }
  return true;
}

bool parse_pkcs8(Bytes in, PrivateKeyInfo& info) {
  Der seq, v, alg, oid, key;
  if (!der_expect(in, kSeq, seq)) return false;
  Bytes body = seq.body;
  if (!der_expect(body, kInt, v) || !der_expect(body, kSeq, alg)) return false;
  Bytes a = alg.body;
  if (!der_expect(a, kOid, oid) || !der_expect(body, kOctets, key)) return false;
  if (oid_is(oid.body, {0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01}) ||
      oid_is(oid.body, {0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x0A})) {
    info.type = "ssh-rsa";
    return der_second_int_bits(key.body, info.bits);
  }
  if (oid_is(oid.body, {0x2A, 0x86, 0x48, 0xCE, 0x38, 0x04, 0x01})) {
    info.type = "ssh-dss";
    Der params, p;
    if (der_expect(a, kSeq, params)) {
      Bytes pb = params.body;
      if (der_expect(pb, kInt, p)) info.bits = bit_length(p.body);
    }
    return true;
  }
  if (oid_is(oid.body, {0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01})) {
    Der curve;
    info.type = "ecdsa";
    if (der_expect(a, kOid, curve)) ec_curve(curve.body, info);
    return true;
  }
  if (oid_is(oid.body, {0x2B, 0x65, 0x70})) {
    info.type = "ssh-ed25519";
    info.bits = 256;
    return true;
  }
  if (oid_is(oid.body, {0x2B, 0x65, 0x71})) {
    info.type = "ed448";
    info.bits = 456;
    return true;
  }
  return true;  // a key of an algorithm we do not name
}

bool parse_openssh(Bytes data, PrivateKeyInfo& info) {
  static constexpr std::string_view kMagic{"openssh-key-v1\0", 15};
  if (data.size() < kMagic.size() ||
      !std::equal(kMagic.begin(), kMagic.end(), data.begin(),
                  [](char c, uint8_t b) { return static_cast<uint8_t>(c) == b; })) {
    info.problem = "not an openssh-key-v1 key";
    return false;
  }
  WireReader r(data.subspan(kMagic.size()));
  std::string kdf;
  Bytes kdf_options;
  uint32_t nkeys = 0;
  if (!r.text(info.cipher) || !r.text(kdf) || !r.bytes(kdf_options) || !r.u32(nkeys)) {
    info.problem = "truncated key header";
    return false;
  }
  info.protection = info.cipher == "none" ? KeyProtection::kNone : KeyProtection::kPassphrase;
  Bytes pub;
  if (nkeys == 0 || !r.bytes(pub)) {
    info.problem = "no public key in the key file";
    return false;
  }
  if (auto k = parse_public_key_blob(pub)) {
    info.type = k->type;
    info.bits = k->bits;
  }
  return true;
}

struct PemBlock {
  std::string label;
  bool encrypted_header = false;  // Proc-Type: 4,ENCRYPTED
  std::string dek_cipher;         // DEK-Info: CIPHER,IV
  std::string body;               // base64 text
  bool ended = false;
};

PemBlock read_pem(const std::vector<std::string_view>& lines, size_t begin,
                  std::string_view label) {
  PemBlock b;
  b.label = std::string(label);
  std::string end = fmt::format("-----END {}-----", label);
  bool in_body = false;
  for (size_t i = begin + 1; i < lines.size(); ++i) {
    std::string_view t = trim(lines[i]);
    if (t.starts_with("-----END ")) {
      b.ended = t == end;
      break;
    }
    if (t.empty()) continue;
    auto colon = t.find(':');
    if (!in_body && colon != std::string_view::npos) {
      std::string_view key = trim(t.substr(0, colon));
      std::string_view value = trim(t.substr(colon + 1));
      if (key == "Proc-Type" && value.find("ENCRYPTED") != std::string_view::npos) {
        b.encrypted_header = true;
      }
      if (key == "DEK-Info") b.dek_cipher = std::string(value.substr(0, value.find(',')));
      continue;
    }
    in_body = true;
    b.body += t;
  }
  return b;
}

void classify_pem(const PemBlock& b, PrivateKeyInfo& info) {
  auto der = base64_decode(b.body);
  if (!b.ended) info.problem = fmt::format("no \"-----END {}-----\" line", b.label);
  if (b.label == "OPENSSH PRIVATE KEY") {
    info.format = KeyFormat::kOpenSsh;
    if (!der) {
      info.problem = "invalid base64 in key body";
      return;
    }
    parse_openssh(*der, info);
    return;
  }
  if (b.label == "ENCRYPTED PRIVATE KEY") {
    info.format = KeyFormat::kPkcs8;
    info.protection = KeyProtection::kPassphrase;
    info.cipher = "PKCS#8 PBES";
    return;
  }
  if (b.label == "PRIVATE KEY") {
    info.format = KeyFormat::kPkcs8;
    info.protection = KeyProtection::kNone;
    info.cipher = "none";
    if (!der || !parse_pkcs8(*der, info)) {
      if (info.problem.empty()) info.problem = "malformed PKCS#8 key body";
    }
    return;
  }
  // Legacy "traditional" PEM: RSA, DSA, EC.
  info.format = KeyFormat::kPem;
  info.protection = b.encrypted_header ? KeyProtection::kPassphrase : KeyProtection::kNone;
  info.cipher = b.encrypted_header ? b.dek_cipher : "none";
  std::string_view algo = std::string_view(b.label).substr(0, b.label.find(' '));
  info.type = algo == "RSA" ? "ssh-rsa" : algo == "DSA" ? "ssh-dss" : "ecdsa";
  if (b.encrypted_header) return;  // the body is ciphertext
  bool ok = der.has_value();
  if (ok) ok = algo == "EC" ? der_ec(*der, info) : der_second_int_bits(*der, info.bits);
  if (!ok && info.problem.empty()) info.problem = "malformed key body";
}

// PuTTY-User-Key-File-2/3: header lines "Key: value"; Public-Lines: N then N base64 lines.
PrivateKeyInfo classify_putty(const std::vector<std::string_view>& lines, size_t begin) {
  PrivateKeyInfo info;
  info.format = KeyFormat::kPutty;
  info.line = static_cast<int>(begin + 1);
  std::string_view first = trim(lines[begin]);
  auto colon = first.find(':');
  if (colon != std::string_view::npos) info.type = std::string(trim(first.substr(colon + 1)));
  for (size_t i = begin + 1; i < lines.size(); ++i) {
    std::string_view t = trim(lines[i]);
    if (t.starts_with("Encryption:")) {
      info.cipher = std::string(trim(t.substr(11)));
      info.protection = info.cipher == "none" ? KeyProtection::kNone : KeyProtection::kPassphrase;
    } else if (t.starts_with("Public-Lines:")) {
      size_t n = 0;
      for (char c : trim(t.substr(13))) {
        if (c < '0' || c > '9' || n > 10000) break;
        n = n * 10 + static_cast<size_t>(c - '0');
      }
      std::string b64;
      for (size_t j = i + 1; j < lines.size() && j <= i + n; ++j) b64 += trim(lines[j]);
      if (auto blob = base64_decode(b64)) {
        if (auto k = parse_public_key_blob(*blob)) info.bits = k->bits;
      }
      i += n;
    } else if (t.starts_with("PuTTY-User-Key-File-")) {
      break;  // the next key
    }
  }
  if (info.protection == KeyProtection::kUnknown) info.problem = "no Encryption line";
  return info;
}

}  // namespace

std::string_view key_format_name(KeyFormat f) {
  switch (f) {
    case KeyFormat::kOpenSsh:
      return "OpenSSH";
    case KeyFormat::kPem:
      return "PEM";
    case KeyFormat::kPkcs8:
      return "PKCS#8";
    case KeyFormat::kPutty:
      return "PuTTY";
  }
  return "unknown";
}

std::optional<std::vector<uint8_t>> base64_decode(std::string_view text) {
  auto bytes = base64_decode_std(text);
  if (!bytes) return std::nullopt;
  return std::vector<uint8_t>(bytes->begin(), bytes->end());
}

std::optional<PublicKeyInfo> parse_public_key_blob(Bytes blob) {
  WireReader r(blob);
  PublicKeyInfo k;
  if (!r.text(k.type) || k.type.empty()) return std::nullopt;
  std::string base = k.type;
  static constexpr std::string_view kCert = "-cert-v01@openssh.com";
  if (base.size() > kCert.size() && base.ends_with(kCert)) {
    base.resize(base.size() - kCert.size());
    Bytes nonce;
    if (!r.bytes(nonce)) return k;
  }
  Bytes a, b;
  if (base == "ssh-rsa") {
    if (r.bytes(a) && r.bytes(b)) k.bits = bit_length(b);  // e, n
  } else if (base == "ssh-dss") {
    if (r.bytes(a)) k.bits = bit_length(a);  // p
  } else if (base.starts_with("ecdsa-sha2-") || base == "sk-ecdsa-sha2-nistp256@openssh.com") {
    std::string curve;
    if (r.text(curve)) k.bits = curve_bits(curve);
  } else if (base == "ssh-ed25519" || base == "sk-ssh-ed25519@openssh.com") {
    k.bits = 256;
  } else if (base == "ssh-ed448") {
    k.bits = 456;
  }
  return k;
}

std::optional<PublicKeyInfo> parse_public_key_line(std::string_view line) {
  line = trim(line);
  auto sp = line.find_first_of(" \t");
  if (sp == std::string_view::npos) return std::nullopt;
  std::string_view rest = trim(line.substr(sp));
  auto b64 = base64_decode(rest.substr(0, rest.find_first_of(" \t")));
  if (!b64) return std::nullopt;
  return parse_public_key_blob(*b64);
}

std::optional<PrivateKeyInfo> classify_private_key(std::string_view content) {
  if (content.size() > kMaxKeyFile * 16) return std::nullopt;
  auto lines = split_lines(content);
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view t = trim(lines[i]);
    if (t.starts_with("PuTTY-User-Key-File-")) return classify_putty(lines, i);
    if (!t.starts_with("-----BEGIN ") || !t.ends_with("-----") || t.size() < 16) continue;
    std::string_view label = t.substr(11, t.size() - 16);
    if (label != "OPENSSH PRIVATE KEY" && label != "RSA PRIVATE KEY" &&
        label != "DSA PRIVATE KEY" && label != "EC PRIVATE KEY" && label != "PRIVATE KEY" &&
        label != "ENCRYPTED PRIVATE KEY") {
      continue;
    }
    PrivateKeyInfo info;
    info.line = static_cast<int>(i + 1);
    classify_pem(read_pem(lines, i, label), info);
    return info;
  }
  return std::nullopt;
}

std::string weak_key_reason(const PublicKeyInfo& key) {
  if (key.type == "ssh-dss" || key.type.starts_with("ssh-dss-")) {
    return key.bits > 0 ? fmt::format("DSA (ssh-dss) key of {} bits", key.bits)
                        : std::string("DSA (ssh-dss) key");
  }
  if ((key.type == "ssh-rsa" || key.type.starts_with("ssh-rsa-")) && key.bits > 0 &&
      key.bits < 2048) {
    return fmt::format("RSA key of {} bits", key.bits);
  }
  return {};
}

Result<SshKeys> SshKeys::load(ScanContext& ctx) {
  const auto& homes = ctx.fact<Homes>();
  if (!homes) return Unexpected(homes.error());
  const Host& host = ctx.host();
  SshKeys out;
  for (size_t hi = 0; hi < homes->homes.size(); ++hi) {
    const Home& home = homes->homes[hi];
    HomeFile d = stat_home_file(host, home, ".ssh");
    if (d.error) out.errors.push_back(*d.error);
    if (!d.exists || d.st.type != FileType::kDirectory) continue;
    SshDir dir;
    dir.home = hi;
    dir.path = d.path;
    dir.symlink = d.symlink;
    dir.st = d.st;
    auto entries = host.list_dir(dir.path);
    if (!entries) {
      out.errors.push_back(entries.error());
      out.dirs.push_back(std::move(dir));
      continue;
    }
    for (const auto& e : *entries) {
      std::string path = dir.path + "/" + e.name;
      HomeFile f = stat_home_file(host, home, ".ssh/" + e.name);
      f.path = path;
      if (f.error) {
        dir.errors.push_back(*f.error);
        continue;
      }
      if (!f.exists || f.st.type != FileType::kRegular || f.st.size > kMaxKeyFile) continue;
      HomeFile r = read_home_path(host, home, path, kMaxKeyFile);
      if (r.error) {
        if (r.error->code() != Errc::kUnsupported) dir.errors.push_back(*r.error);
        continue;
      }
      if (!r.text) continue;
      auto info = classify_private_key(*r.text);
      if (!info) continue;
      if (!info->problem.empty()) {
        ctx.input_error(Error(Errc::kParse, info->problem, path, info->line));
      }
      SshKeyFile key{.path = path, .symlink = r.symlink, .st = r.st, .info = *info};
      if (key.info.bits == 0) {
        // An encrypted PEM key hides its size; the public half beside it does not.
        HomeFile pub = read_home_path(host, home, path + ".pub", 16u << 10);
        if (pub.text) {
          for (auto line : split_lines(*pub.text)) {
            auto k = parse_public_key_line(line);
            if (!k) continue;
            key.info.type = k->type;
            key.info.bits = k->bits;
            key.size_from = path + ".pub";
            break;
          }
        }
      }
      dir.keys.push_back(std::move(key));
    }
    out.dirs.push_back(std::move(dir));
  }
  return out;
}

}  // namespace sw::scan
