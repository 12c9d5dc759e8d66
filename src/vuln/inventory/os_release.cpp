// SPDX-License-Identifier: Apache-2.0
// os-release(5) reader and the distribution -> OSV ecosystem mapping (see os_release.h). The
// ecosystem strings follow ossf/osv-schema ecosystems.json and the strings the distributions'
// own OSV feeds use (checked against osv-scanner's recorded OSV API queries: "Debian:10",
// "Alpine:v3.19", "openSUSE:Leap 15.5", "Ubuntu:20.04:LTS"; and AlmaLinux's "AlmaLinux:9").
#include "vuln/inventory/os_release.h"

#include <array>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <utility>

#include <fmt/format.h>

#include "core/host.h"

namespace sw::vuln {
namespace {

bool is_key_char(char c, bool first) {
  return c == '_' || std::isalpha(static_cast<unsigned char>(c)) ||
         (!first && std::isdigit(static_cast<unsigned char>(c)));
}

// One shell word: unquoted, "double" and 'single' parts, concatenated. Returns nullopt with
// `why` set on an unterminated quote or an unquoted space followed by more text (which a shell
// would split into a command).
std::optional<std::string> parse_value(std::string_view v, std::string* why) {
  std::string out;
  size_t i = 0;
  while (i < v.size()) {
    char c = v[i];
    if (c == '\'') {
      auto end = v.find('\'', i + 1);
      if (end == std::string_view::npos) {
        *why = "unterminated single quote";
        return std::nullopt;
      }
      out.append(v.substr(i + 1, end - i - 1));
      i = end + 1;
    } else if (c == '"') {
      ++i;
      bool closed = false;
      while (i < v.size()) {
        char d = v[i];
        if (d == '"') {
          closed = true;
          ++i;
          break;
        }
        if (d == '\\' && i + 1 < v.size()) {
          char e = v[i + 1];
          // In double quotes a backslash escapes only $ ` " and backslash (POSIX sh 2.2.3).
          if (e == '$' || e == '`' || e == '"' || e == '\\') {
            out.push_back(e);
            i += 2;
            continue;
          }
        }
        out.push_back(d);
        ++i;
      }
      if (!closed) {
        *why = "unterminated double quote";
        return std::nullopt;
      }
    } else if (c == '\\') {
      if (i + 1 < v.size()) out.push_back(v[i + 1]);  // unquoted: escapes any character
      i += 2;
    } else if (c == ' ' || c == '\t') {
      auto rest = trim(v.substr(i));
      if (rest.empty()) break;         // trailing blanks
      if (rest.front() == '#') break;  // a shell comment after the word
      *why = "unquoted whitespace in value";
      return std::nullopt;
    } else {
      out.push_back(c);
      ++i;
    }
  }
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "9.4" -> "9"; "3.19.1" -> "3.19" (parts = 2).
std::string leading_parts(std::string_view v, int parts) {
  size_t pos = 0;
  for (int i = 0; i < parts; ++i) {
    auto dot = v.find('.', pos);
    if (dot == std::string_view::npos) return std::string(v);
    if (i + 1 == parts) return std::string(v.substr(0, dot));
    pos = dot + 1;
  }
  return std::string(v);
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// Debian release numbers by codename (distro-info-data debian.csv), for releases whose
// os-release carries no VERSION_ID (testing and unstable).
constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kDebianCodenames = {{
    {"squeeze", "6"},
    {"wheezy", "7"},
    {"jessie", "8"},
    {"stretch", "9"},
    {"buster", "10"},
    {"bullseye", "11"},
    {"bookworm", "12"},
    {"trixie", "13"},
    {"forky", "14"},
    {"duke", "15"},
    {"sid", "sid"},
}};

std::string strip_prefix(std::string_view s, std::string_view prefix) {
  if (s.starts_with(prefix)) s.remove_prefix(prefix.size());
  return std::string(trim(s));
}

void set(std::string* note, std::string text) {
  if (note) *note = std::move(text);
}

std::string debian_ecosystem(const OsRelease& os, std::string* note) {
  if (all_digits(os.version_id)) return "Debian:" + os.version_id;
  // Testing / unstable: no VERSION_ID. The codename is VERSION_CODENAME, or the word before
  // "/sid" in PRETTY_NAME ("Debian GNU/Linux trixie/sid").
  std::string codename = os.version_codename;
  if (codename.empty()) {
    auto slash = os.pretty_name.rfind("/sid");
    if (slash != std::string::npos) {
      auto space = os.pretty_name.rfind(' ', slash);
      codename = os.pretty_name.substr(space == std::string::npos ? 0 : space + 1,
                                       slash - (space == std::string::npos ? 0 : space + 1));
    }
  }
  for (const auto& [name, number] : kDebianCodenames) {
    if (codename == name) {
      set(note, fmt::format("Debian testing/unstable (no VERSION_ID): using the advisories of "
                            "the release named {} (Debian:{})",
                            codename, number));
      return fmt::format("Debian:{}", number);
    }
  }
  set(note, fmt::format("Debian without a numeric VERSION_ID and with an unknown codename '{}'",
                        codename));
  return {};
}

std::string ubuntu_ecosystem(const OsRelease& os, std::string* note) {
  // VERSION_ID is "YY.MM". ecosystems.json: a mandatory ":LTS" suffix for LTS releases. VERSION
  // says "22.04.4 LTS (Jammy Jellyfish)"; without VERSION, LTS releases are the even-year .04 ones.
  const auto& v = os.version_id;
  auto dot = v.find('.');
  if (dot == std::string::npos || !all_digits(v.substr(0, dot)) || !all_digits(v.substr(dot + 1))) {
    set(note, fmt::format("Ubuntu VERSION_ID '{}' is not YY.MM", v));
    return {};
  }
  bool lts = false;
  if (!os.version.empty()) {
    lts = os.version.find("LTS") != std::string::npos;
  } else {
    int year = std::atoi(v.substr(0, dot).c_str());
    lts = v.substr(dot + 1) == "04" && year % 2 == 0;
  }
  return lts ? fmt::format("Ubuntu:{}:LTS", v) : fmt::format("Ubuntu:{}", v);
}

std::string numeric_major(std::string_view prefix, const OsRelease& os, std::string* note) {
  auto major = leading_parts(os.version_id, 1);
  if (!all_digits(major)) {
    set(note, fmt::format("{} without a numeric VERSION_ID ('{}')", os.id, os.version_id));
    return {};
  }
  return fmt::format("{}:{}", prefix, major);
}

}  // namespace

OsReleaseParse parse_os_release(std::string_view text, const std::string& path) {
  OsReleaseParse out;
  out.release.path = path;
  int n = 0;
  for (auto raw : split_lines(text)) {
    ++n;
    auto line = trim(raw);
    if (line.empty() || line.front() == '#') continue;
    auto eq = line.find('=');
    size_t k = 0;
    while (k < line.size() && is_key_char(line[k], k == 0)) ++k;
    if (eq == std::string_view::npos || k == 0 || k != eq) {
      out.errors.emplace_back(Errc::kParse, "line is not KEY=value", path, n);
      continue;
    }
    std::string why;
    auto value = parse_value(line.substr(eq + 1), &why);
    if (!value) {
      out.errors.emplace_back(Errc::kParse, why, path, n);
      continue;
    }
    auto key = line.substr(0, eq);
    auto& r = out.release;
    if (key == "ID") {
      r.id = lower(*value);
    } else if (key == "ID_LIKE") {
      r.id_like = std::move(*value);
    } else if (key == "NAME") {
      r.name = std::move(*value);
    } else if (key == "VERSION") {
      r.version = std::move(*value);
    } else if (key == "VERSION_ID") {
      r.version_id = std::move(*value);
    } else if (key == "VERSION_CODENAME") {
      r.version_codename = std::move(*value);
    } else if (key == "PRETTY_NAME") {
      r.pretty_name = std::move(*value);
    } else if (key == "CPE_NAME") {
      r.cpe_name = std::move(*value);
    }
  }
  return out;
}

Result<OsRelease> read_os_release(const Host& host, std::vector<Error>* errors) {
  for (const char* p : {"/etc/os-release", "/usr/lib/os-release"}) {
    auto text = host.read_file(p, 1u << 20);
    if (!text) {
      if (text.error().code() == Errc::kNotFound) continue;
      return tl::make_unexpected(text.error());
    }
    auto parsed = parse_os_release(*text, p);
    if (errors) errors->insert(errors->end(), parsed.errors.begin(), parsed.errors.end());
    return parsed.release;
  }
  return fail(Errc::kNotFound, "no os-release (/etc/os-release, /usr/lib/os-release)");
}

std::string osv_ecosystem_for(const OsRelease& os, std::string* note) {
  if (note) note->clear();
  const auto& id = os.id;
  if (id.empty()) {
    set(note, "os-release has no ID");
    return {};
  }
  if (id == "debian") return debian_ecosystem(os, note);
  if (id == "ubuntu") return ubuntu_ecosystem(os, note);
  if (id == "alpine") {
    // "Alpine:v3.19": the release branch, major.minor of VERSION_ID ("3.19.1"). An edge
    // snapshot ("3.20.0_alpha20240329") maps to the branch it will become.
    auto mm = leading_parts(os.version_id, 2);
    auto dot = mm.find('.');
    if (dot == std::string::npos || !all_digits(mm.substr(0, dot)) ||
        !all_digits(mm.substr(dot + 1))) {
      set(note, fmt::format("Alpine VERSION_ID '{}' is not MAJOR.MINOR[.PATCH]", os.version_id));
      return {};
    }
    if (os.version_id.find("_alpha") != std::string::npos) {
      set(note, fmt::format("Alpine edge snapshot {}: using the v{} branch", os.version_id, mm));
    }
    return "Alpine:v" + mm;
  }
  if (id == "almalinux") return numeric_major("AlmaLinux", os, note);
  if (id == "rocky") return numeric_major("Rocky Linux", os, note);
  if (id == "mageia") return numeric_major("Mageia", os, note);
  if (id == "rhel") {
    // "Red Hat:<CPE without cpe:/[oa]:redhat:>", from CPE_NAME
    // ("cpe:/o:redhat:enterprise_linux:9::baseos" -> "Red Hat:enterprise_linux:9::baseos").
    constexpr std::string_view kPrefix = "cpe:/o:redhat:";
    if (!os.cpe_name.starts_with(kPrefix) || os.cpe_name.size() == kPrefix.size()) {
      set(note, fmt::format("Red Hat without a Red Hat CPE_NAME ('{}')", os.cpe_name));
      return {};
    }
    set(note,
        "Red Hat advisories are per product stream: only the stream in CPE_NAME is used (packages "
        "from other repositories, e.g. AppStream, are published under other streams)");
    return "Red Hat:" + os.cpe_name.substr(kPrefix.size());
  }
  if (id.starts_with("opensuse")) {
    // ecosystems.json: the suffix is PRETTY_NAME's marketing name; the feed writes
    // "openSUSE:Leap 15.5" for PRETTY_NAME="openSUSE Leap 15.5".
    auto rel = strip_prefix(os.pretty_name, "openSUSE ");
    if (rel.empty()) {
      set(note, "openSUSE without PRETTY_NAME");
      return {};
    }
    return "openSUSE:" + rel;
  }
  if (id == "sles" || id == "sled" || id == "sles_sap" || id.starts_with("sle-") ||
      id.starts_with("sle_")) {
    auto rel = strip_prefix(os.pretty_name, "SUSE ");
    if (rel.empty()) {
      set(note, "SUSE without PRETTY_NAME");
      return {};
    }
    return "SUSE:" + rel;
  }
  if (id == "wolfi") return "Wolfi";
  if (id == "chainguard") return "Chainguard";
  if (id == "openeuler") {
    // VERSION="22.03 (LTS-SP3)", VERSION_ID="22.03" -> "openEuler:22.03-LTS-SP3".
    if (os.version_id.empty()) {
      set(note, "openEuler without VERSION_ID");
      return {};
    }
    auto open = os.version.find('(');
    auto close = os.version.rfind(')');
    if (open != std::string::npos && close != std::string::npos && close > open + 1) {
      return fmt::format("openEuler:{}-{}", os.version_id,
                         os.version.substr(open + 1, close - open - 1));
    }
    set(note, "openEuler release without LTS: innovation releases have no OSV advisories");
    return "openEuler:" + os.version_id;
  }
  if (id == "photon") {
    if (os.version_id.empty()) {
      set(note, "Photon OS without VERSION_ID");
      return {};
    }
    return "Photon OS:" + os.version_id;
  }
  set(note, fmt::format("no OSV ecosystem for distribution ID={}{}", id,
                        os.id_like.empty() ? "" : fmt::format(" (ID_LIKE={})", os.id_like)));
  return {};
}

}  // namespace sw::vuln
