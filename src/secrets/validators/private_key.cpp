// SPDX-License-Identifier: Apache-2.0
// Private key validator (see private_key.h). PEM through OpenSSL 3; OpenSSH's format by hand
// because OpenSSL has no reader for it.
#include "secrets/validators/private_key.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "core/base64.h"

namespace sw::secrets {
namespace {

constexpr std::string_view kBegin = "-----BEGIN ";
constexpr std::string_view kDashes = "-----";
constexpr std::size_t kMaxKeyText = 64 * 1024;  // far above any real key (RSA 16384 is ~13 KiB)

struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};
struct PkeyFree {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct SigFree {
  void operator()(X509_SIG* s) const { X509_SIG_free(s); }
};
struct OpensslFree {
  void operator()(void* p) const { OPENSSL_free(p); }
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Undoes JSON/string escapes ("\\n", "\\r", "\\/", "\\\\").
std::string unescape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      const char next = text[i + 1];
      if (next == 'n' || next == 'r' || next == '/' || next == '\\') {
        if (next == 'n') out.push_back('\n');
        if (next == '/' || next == '\\') out.push_back(next);
        ++i;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (is_space(s.front()) || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (is_space(s.back()) || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

bool is_base64_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '/' || c == '=';
}

// The inside of a block split into RFC 1421 headers ("Name: value" lines) and the base64 body with
// all whitespace removed. Lines may have been joined by spaces (a key pasted on one line).
struct BlockParts {
  std::string headers;  // "Name: value\n" lines
  std::string body;
  bool foreign = false;    // characters no base64 body holds (quotes, commas: code around it)
  bool truncated = false;  // "..." or an ellipsis: documentation shows keys cut short this way
};

BlockParts split_block(std::string_view inside) {
  BlockParts parts;
  std::size_t pos = 0;
  while (pos < inside.size()) {
    std::size_t end = inside.find('\n', pos);
    if (end == std::string_view::npos) end = inside.size();
    const std::string_view line = trim(inside.substr(pos, end - pos));
    pos = end + 1;
    if (line.empty()) continue;
    if (line.find(':') != std::string_view::npos) {
      parts.headers.append(line);
      parts.headers.push_back('\n');
      continue;
    }
    if (line.find("...") != std::string_view::npos ||
        line.find("\xe2\x80\xa6") != std::string_view::npos) {
      parts.truncated = true;
    }
    for (const char c : line) {
      if (is_space(c)) continue;
      if (!is_base64_char(c)) parts.foreign = true;
      parts.body.push_back(c);
    }
  }
  return parts;
}

// A canonical PEM block (64-column body) that OpenSSL's reader takes whatever the source layout.
std::string canonical_pem(const std::string& label, const BlockParts& parts) {
  std::string pem = "-----BEGIN " + label + "-----\n";
  if (!parts.headers.empty()) {
    pem += parts.headers;
    pem += '\n';
  }
  for (std::size_t i = 0; i < parts.body.size(); i += 64) {
    pem.append(parts.body, i, 64);
    pem.push_back('\n');
  }
  pem += "-----END " + label + "-----\n";
  return pem;
}

// Big-endian reader over the decoded OpenSSH key (PROTOCOL.key / RFC 4251 types).
class SshReader {
 public:
  explicit SshReader(std::string_view data) : data_(data) {}
  std::optional<std::uint32_t> u32() {
    if (data_.size() < 4) return std::nullopt;
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
      v = (v << 8) | static_cast<unsigned char>(data_[static_cast<std::size_t>(i)]);
    data_.remove_prefix(4);
    return v;
  }
  std::optional<std::string_view> string() {
    const auto len = u32();
    if (!len || *len > data_.size()) return std::nullopt;
    std::string_view s = data_.substr(0, *len);
    data_.remove_prefix(*len);
    return s;
  }
  bool skip_prefix(std::string_view magic) {
    if (data_.substr(0, magic.size()) != magic) return false;
    data_.remove_prefix(magic.size());
    return true;
  }

 private:
  std::string_view data_;
};

PrivateKeyCheck check_openssh(std::string_view body, PrivateKeyCheck result) {
  result.validity = Validity::kInvalid;
  const auto decoded = base64_decode_std(body);
  if (!decoded) return result;
  SshReader r(*decoded);
  if (!r.skip_prefix(std::string_view("openssh-key-v1\0", 15))) return result;
  const auto cipher = r.string();
  const auto kdf = r.string();
  const auto kdf_options = r.string();
  const auto nkeys = r.u32();
  if (!cipher || !kdf || !kdf_options || !nkeys || *nkeys == 0 || *nkeys > 64) return result;
  for (std::uint32_t key_idx = 0; key_idx < *nkeys; ++key_idx) {
    const auto pub = r.string();
    if (!pub || pub->empty()) return result;
  }
  const auto priv = r.string();
  if (!priv || priv->empty()) return result;
  if (*cipher != "none") {
    // Encrypted: the private section is ciphertext; its length is a whole number of blocks.
    if (*kdf == "none" || priv->size() % 8 != 0) return result;
    result.encrypted = true;
    result.validity = Validity::kValid;
    return result;
  }
  SshReader p(*priv);
  const auto check1 = p.u32();
  const auto check2 = p.u32();
  if (!check1 || !check2 || *check1 != *check2) return result;
  const auto key_type = p.string();
  if (!key_type || key_type->empty()) return result;
  result.validity = Validity::kValid;
  return result;
}

PrivateKeyCheck check_pem(const std::string& block, PrivateKeyCheck result) {
  result.validity = Validity::kInvalid;
  std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(block.data(), static_cast<int>(block.size())));
  if (!bio) return result;
  char* name_raw = nullptr;
  char* header_raw = nullptr;
  unsigned char* data_raw = nullptr;
  long len = 0;
  const int ok = PEM_read_bio(bio.get(), &name_raw, &header_raw, &data_raw, &len);
  const std::unique_ptr<char, OpensslFree> name(name_raw);
  const std::unique_ptr<char, OpensslFree> header(header_raw);
  const std::unique_ptr<unsigned char, OpensslFree> data(data_raw);
  if (ok != 1 || len <= 0) {
    ERR_clear_error();
    return result;
  }
  const std::string_view headers = header ? std::string_view(header.get()) : std::string_view();
  if (headers.find("ENCRYPTED") != std::string_view::npos) {
    // Legacy encryption (RFC 1421): the body is ciphertext; the cipher is named by DEK-Info.
    if (headers.find("DEK-Info:") == std::string_view::npos) return result;
    result.encrypted = true;
    result.validity = Validity::kValid;
    return result;
  }
  const unsigned char* p = data.get();
  if (result.label == "ENCRYPTED PRIVATE KEY") {
    std::unique_ptr<X509_SIG, SigFree> sig(d2i_X509_SIG(nullptr, &p, len));
    ERR_clear_error();
    if (!sig) return result;
    result.encrypted = true;
    result.validity = Validity::kValid;
    return result;
  }
  std::unique_ptr<EVP_PKEY, PkeyFree> key(d2i_AutoPrivateKey(nullptr, &p, len));
  ERR_clear_error();
  if (key) result.validity = Validity::kValid;
  return result;
}

}  // namespace

PrivateKeyCheck inspect_private_key(std::string_view text) {
  PrivateKeyCheck result;
  if (text.size() > kMaxKeyText) return result;
  const std::string norm = unescape(text);
  const std::size_t begin = norm.find(kBegin);
  if (begin == std::string::npos) return result;
  const std::size_t label_start = begin + kBegin.size();
  const std::size_t label_end = norm.find(kDashes, label_start);
  if (label_end == std::string::npos || label_end - label_start > 64) return result;
  result.label = norm.substr(label_start, label_end - label_start);
  if (result.label.find("PRIVATE KEY") == std::string::npos ||
      result.label.find("PGP") != std::string::npos) {
    return result;  // PGP armour and other blocks: not ours to judge
  }
  const std::size_t inside_start = label_end + kDashes.size();
  const std::string end_line = "-----END " + result.label + "-----";
  const std::size_t end = norm.find(end_line, inside_start);
  const BlockParts parts = split_block(std::string_view(norm).substr(
      inside_start, end == std::string::npos ? std::string::npos : end - inside_start));
  if (parts.truncated || end == std::string::npos) {
    result.validity = Validity::kInvalid;  // cut short
    return result;
  }
  if (parts.foreign) return result;  // wrapped in code we cannot undo: cannot tell
  if (parts.body.empty()) {
    result.validity = Validity::kInvalid;
    return result;
  }
  if (result.label == "OPENSSH PRIVATE KEY") return check_openssh(parts.body, std::move(result));
  return check_pem(canonical_pem(result.label, parts), std::move(result));
}

Validity check_private_key(std::string_view text) { return inspect_private_key(text).validity; }

}  // namespace sw::secrets
