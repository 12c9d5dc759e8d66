// SPDX-License-Identifier: Apache-2.0
// pip requirements file parser (https://pip.pypa.io/en/stable/reference/requirements-file-format/,
// requirement specifiers per PEP 508 / PEP 440). Hand-written: no library reads this format.
//  - A trailing '\' joins the next line; '#' at the start of a line or after whitespace starts a
//    comment; a UTF-8 BOM is dropped and UTF-16 (with BOM) is decoded, as pip does.
//  - `-r FILE` / `--requirement FILE` includes FILE (relative to the including file's directory;
//    cycles are cut); other options (-c, -e, -i, --hash, ...) are ignored. Editable, URL and path
//    requirements ("name @ https://...", "./x.whl") are not from the index: skipped.
//  - per-requirement options (" --hash=...", " -C x", " --global-option ...") and environment
//    markers ("; python_version < '3.8'") are cut off; extras "pkg[a,b]" are dropped from the name.
//  - Version policy (ours, documented in lang_lockfiles.h users' docs): only a requirement pinned
//  to
//    one version by a single `==` or `===` clause without a wildcard gets that version. Every other
//    requirement ("pkg", "pkg>=1.2", "pkg==1.*", "pkg>=1,<2") is still reported, with an empty
//    version: the installed version is unknown, so the matcher cannot use it for a version range,
//    but the package is listed. (osv-scalibr also takes the bound of >=, <=, ~=; trivy takes only
//    ==, as we do.) Lines using ${VAR} are skipped (osv-scalibr does the same).
//  - Names are kept as written (PEP 503 normalisation is the store's job when matching).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/host.h"
#include "core/utf8.h"
#include "vuln/inventory/lang_lockfiles.h"
#include "vuln/inventory/lock_util.h"

namespace sw::vuln {
namespace {

// UTF-16 (with BOM) to UTF-8; other text returned as is minus a UTF-8 BOM.
std::string decode(std::string_view text) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  bool le = text.size() >= 2 && byte(0) == 0xFF && byte(1) == 0xFE;
  bool be = text.size() >= 2 && byte(0) == 0xFE && byte(1) == 0xFF;
  if (!le && !be) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    return std::string(text);
  }
  std::string out;
  uint32_t high = 0;
  for (size_t i = 2; i + 1 < text.size(); i += 2) {
    uint32_t unit = le ? (byte(i) | (byte(i + 1) << 8)) : ((byte(i) << 8) | byte(i + 1));
    if (unit >= 0xD800 && unit < 0xDC00) {
      high = unit;
      continue;
    }
    if (unit >= 0xDC00 && unit < 0xE000) {
      if (high) append_utf8(out, 0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00));
      high = 0;
      continue;
    }
    high = 0;
    append_utf8(out, unit);
  }
  return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Cuts a comment: '#' at the start or after whitespace.
std::string_view strip_comment(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '#' && (i == 0 || is_space(s[i - 1]))) return s.substr(0, i);
  }
  return s;
}

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
}

struct Logical {
  std::string text;
  int line;
};

std::vector<Logical> logical_lines(std::string_view text) {
  std::vector<Logical> out;
  std::string cur;
  int start = 0;
  int n = 0;
  bool continuing = false;
  for (auto raw : split_lines(text)) {
    ++n;
    std::string_view line = raw;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!continuing) start = n;
    // A comment line inside a continuation ends nothing (pip strips comments first).
    line = strip_comment(line);
    if (!line.empty() && line.back() == '\\') {
      cur.append(line.substr(0, line.size() - 1));
      cur.push_back(' ');
      continuing = true;
      continue;
    }
    cur.append(line);
    out.push_back({std::move(cur), start});
    cur.clear();
    continuing = false;
  }
  if (continuing) out.push_back({std::move(cur), start});
  return out;
}

// dir/file, lexically normalised ("a/b/../r.txt" -> "a/r.txt") so that cycles are recognised.
std::string join_path(std::string_view dir, std::string_view file) {
  std::filesystem::path p = (file.starts_with('/') || dir.empty())
                                ? std::filesystem::path(file)
                                : std::filesystem::path(dir) / std::filesystem::path(file);
  return p.lexically_normal().string();
}

class Parser {
 public:
  Parser(const RequirementsReader& read, PackageList& out) : read_(read), out_(out) {}

  void parse(std::string_view raw, const std::string& path, int depth) {
    if (depth > 16) {
      out_.errors.emplace_back(Errc::kParse, "requirements includes nested too deeply", path, 0);
      return;
    }
    visited_.insert(std::filesystem::path(path).lexically_normal().string());
    std::string text = decode(raw);
    for (const auto& l : logical_lines(text)) line(trim(l.text), path, l.line, depth);
  }

 private:
  void include(std::string_view target, const std::string& path, int line_no, int depth) {
    target = trim(target);
    if (target.empty()) {
      out_.errors.emplace_back(Errc::kParse, "-r without a file name", path, line_no);
      return;
    }
    auto inc = join_path(lockutil::dir_name(path), target);
    if (visited_.contains(inc)) return;  // a cycle or a repeat
    auto text = read_ ? read_(inc) : std::nullopt;
    if (!text) {
      out_.errors.emplace_back(Errc::kNotFound, "cannot read included file " + inc, path, line_no);
      return;
    }
    parse(*text, inc, depth + 1);
  }

  void line(std::string_view s, const std::string& path, int line_no, int depth) {
    if (s.empty()) return;
    if (s.starts_with('-')) {
      // Options: only includes matter.
      for (std::string_view opt : {"--requirement=", "--requirement ", "-r ", "-r"}) {
        if (s.starts_with(opt)) return include(s.substr(opt.size()), path, line_no, depth);
      }
      return;
    }
    if (s.find("${") != std::string_view::npos) return;  // environment variables: unknown value
    // Per-requirement options start at the first whitespace-preceded '-' token.
    for (size_t i = 1; i < s.size(); ++i) {
      if (s[i] == '-' && is_space(s[i - 1])) {
        s = trim(s.substr(0, i));
        break;
      }
    }
    if (auto semi = s.find(';'); semi != std::string_view::npos) s = trim(s.substr(0, semi));
    // Name.
    size_t i = 0;
    while (i < s.size() && is_name_char(s[i])) ++i;
    std::string_view name = s.substr(0, i);
    std::string_view rest = trim(s.substr(i));
    if (name.empty() || !std::isalnum(static_cast<unsigned char>(name.front()))) {
      // Paths and URLs ("./x.whl", "http://...") are not index requirements; others are errors.
      if (s.find('/') == std::string_view::npos) {
        out_.errors.emplace_back(Errc::kParse, "requirement without a valid name", path, line_no);
      }
      return;
    }
    if (rest.starts_with(':') || name.find('/') != std::string_view::npos) return;  // URL
    if (rest.starts_with('[')) {
      auto close = rest.find(']');
      if (close == std::string_view::npos) {
        out_.errors.emplace_back(Errc::kParse, "unterminated extras", path, line_no);
        return;
      }
      rest = trim(rest.substr(close + 1));
    }
    if (rest.starts_with('@')) return;  // "name @ URL": a direct reference, not the index
    Package pkg;
    pkg.ecosystem = "PyPI";
    pkg.name = std::string(name);
    pkg.path = path;
    pkg.line = line_no;
    if (!rest.empty()) {
      if (rest.front() == '(' && rest.back() == ')') rest = trim(rest.substr(1, rest.size() - 2));
      bool single = rest.find(',') == std::string_view::npos;
      static constexpr std::string_view kOps[] = {"===", "==", "~=", "!=", ">=", "<=", ">", "<"};
      std::string_view op;
      for (auto o : kOps) {
        if (rest.starts_with(o)) {
          op = o;
          break;
        }
      }
      if (op.empty()) {
        out_.errors.emplace_back(Errc::kParse, "unexpected text after the package name", path,
                                 line_no);
        return;
      }
      auto version = trim(rest.substr(op.size()));
      if (single) {
        if (version.empty()) {
          out_.errors.emplace_back(Errc::kParse, "version missing after " + std::string(op), path,
                                   line_no);
          return;
        }
        // Stray words after the version ("pkg==1.0 junk") are dropped, as osv-scalibr does.
        auto space = std::find_if(version.begin(), version.end(), is_space);
        version = version.substr(0, static_cast<size_t>(space - version.begin()));
        if ((op == "==" || op == "===") && version.find('*') == std::string_view::npos) {
          pkg.version = std::string(version);
        }
      }
    }
    out_.packages.push_back(std::move(pkg));
  }

  const RequirementsReader& read_;
  PackageList& out_;
  std::set<std::string> visited_;
};

std::optional<std::string> read_local(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return ss.str();
}

}  // namespace

bool is_requirements_txt(std::string_view path) {
  auto base = lockutil::base_name(path);
  return base.starts_with("requirements") && base.ends_with(".txt");
}

PackageList parse_requirements(std::string_view text, const std::string& path,
                               const RequirementsReader& read) {
  PackageList out;
  Parser(read, out).parse(text, path, 0);
  return out;
}

PackageList parse_requirements_txt(std::string_view text, const std::string& path) {
  return parse_requirements(text, path, read_local);
}

}  // namespace sw::vuln
