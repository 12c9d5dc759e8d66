// SPDX-License-Identifier: Apache-2.0
// Checks sha1() / ntlm() against the HIBP hash vectors (TSV with a JSON-quoted password column):
//   sw_hibp_vectors_check /work/shared/data/passwords/hibp-hash-vectors.tsv
// Prints agreement counts and the row numbers of mismatches (never the passwords); exit 1 on any.
#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "password/breach/hash.h"

namespace {

void put_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | cp >> 6));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | cp >> 12));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | cp >> 18));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// A JSON string literal ("..." with \uXXXX escapes and surrogate pairs) to UTF-8.
std::optional<std::string> json_string(const std::string& s) {
  if (s.size() < 2 || s.front() != '"' || s.back() != '"') return std::nullopt;
  std::string out;
  for (std::size_t i = 1; i + 1 < s.size(); ++i) {
    if (s[i] != '\\') {
      out.push_back(s[i]);
      continue;
    }
    const char e = s[++i];
    if (e == 'u') {
      std::uint32_t cp = std::stoul(s.substr(i + 1, 4), nullptr, 16);
      i += 4;
      if (cp >= 0xD800 && cp < 0xDC00 && s.compare(i + 1, 2, "\\u") == 0) {
        const std::uint32_t lo = std::stoul(s.substr(i + 3, 4), nullptr, 16);
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        i += 6;
      }
      put_utf8(out, cp);
    } else {
      out.push_back(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e);
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: sw_hibp_vectors_check hibp-hash-vectors.tsv\n");
    return 2;
  }
  std::ifstream in(argv[1]);
  std::string line;
  std::getline(in, line);  // header
  int rows = 0, sha1_ok = 0, ntlm_ok = 0, row = 1;
  while (std::getline(in, line)) {
    ++row;
    std::vector<std::string> cols;
    std::stringstream ss(line);
    std::string col;
    while (std::getline(ss, col, '\t')) cols.push_back(col);
    if (cols.size() < 9) continue;
    const auto pw = json_string(cols[0]);
    if (!pw) continue;
    ++rows;
    using sw::password::HashKind;
    const bool s = sw::password::to_hex(sw::password::sha1(*pw), HashKind::kSha1) == cols[2];
    const bool n = sw::password::to_hex(sw::password::ntlm(*pw), HashKind::kNtlm) == cols[5];
    sha1_ok += s;
    ntlm_ok += n;
    if (!s || !n)
      std::printf("row %d: sha1 %s, ntlm %s\n", row, s ? "ok" : "MISMATCH", n ? "ok" : "MISMATCH");
  }
  std::printf("%d rows: SHA-1 %d/%d agree, NTLM %d/%d agree\n", rows, sha1_ok, rows, ntlm_ok, rows);
  return rows > 0 && sha1_ok == rows && ntlm_ok == rows ? 0 : 1;
}
