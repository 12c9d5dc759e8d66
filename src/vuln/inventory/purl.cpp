// SPDX-License-Identifier: Apache-2.0
// purl parsing and purl -> OSV mapping. Hand-written: no purl library is packaged for Debian 12.
// Parsing follows the purl specification's "How to parse a purl string" steps (split '#' subpath
// from the right, then '?' qualifiers, then '@' version from the right, then type / namespace /
// name on '/'), with percent-decoding of every component. Mapping follows the OSV ecosystem list
// and PURL-TYPES.rst:
//   npm "@scope/name", golang "ns/name" (Go, version without "v" as OSV Go advisories write it),
//   maven "group:artifact", composer "vendor/name", pypi (name normalised per PEP 503 as the purl
//   spec requires), cargo -> crates.io, gem -> RubyGems, nuget, hex, pub, cran, hackage,
//   swift -> SwiftURL "host/owner/repo", conan -> ConanCenter;
//   deb/debian|ubuntu with distro "debian-12" / "bookworm" / "ubuntu-22.04" / "jammy",
//   rpm/almalinux|rocky|redhat|opensuse|suse with distro "<id>-<version>", apk/alpine with distro
//   "3.19.1" or "alpine-3.19.1". deb/apk names come from the `upstream` (syft) or `source`
//   qualifier when present: OSV Debian and Alpine advisories are keyed by source package.
#include "vuln/inventory/purl.h"

#include <algorithm>
#include <array>
#include <cctype>

#include <fmt/format.h>

namespace sw::vuln {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Percent-decodes; a '%' not followed by two hex digits is an error.
bool percent_decode(std::string_view in, std::string& out) {
  out.clear();
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out.push_back(in[i]);
      continue;
    }
    if (i + 2 >= in.size()) return false;
    int hi = hex_value(in[i + 1]);
    int lo = hex_value(in[i + 2]);
    if (hi < 0 || lo < 0) return false;
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  return true;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    auto pos = s.find(sep, start);
    out.push_back(
        s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return out;
}

// Joins the non-empty decoded segments of a '/'-separated component; `drop_dots` removes "." and
// ".." segments (subpath rule).
bool decode_segments(std::string_view s, bool drop_dots, std::string& out) {
  out.clear();
  std::string seg;
  for (auto part : split(s, '/')) {
    if (part.empty()) continue;
    if (!percent_decode(part, seg)) return false;
    if (drop_dots && (seg == "." || seg == "..")) continue;
    if (!out.empty()) out.push_back('/');
    out += seg;
  }
  return true;
}

std::string major_of(std::string_view version) {
  auto dot = version.find('.');
  return std::string(version.substr(0, dot));
}

std::string major_minor_of(std::string_view version) {
  auto dot = version.find('.');
  if (dot == std::string_view::npos) return std::string(version);
  auto dot2 = version.find('.', dot + 1);
  return std::string(version.substr(0, dot2));
}

struct Codename {
  std::string_view name;
  std::string_view version;
};

constexpr std::array kDebianCodenames{
    Codename{"wheezy", "7"},  Codename{"jessie", "8"},    Codename{"stretch", "9"},
    Codename{"buster", "10"}, Codename{"bullseye", "11"}, Codename{"bookworm", "12"},
    Codename{"trixie", "13"}, Codename{"forky", "14"},
};

constexpr std::array kUbuntuCodenames{
    Codename{"trusty", "14.04"},   Codename{"xenial", "16.04"}, Codename{"bionic", "18.04"},
    Codename{"focal", "20.04"},    Codename{"jammy", "22.04"},  Codename{"kinetic", "22.10"},
    Codename{"lunar", "23.04"},    Codename{"mantic", "23.10"}, Codename{"noble", "24.04"},
    Codename{"oracular", "24.10"}, Codename{"plucky", "25.04"},
};

template <size_t N>
std::string_view lookup(const std::array<Codename, N>& table, std::string_view name) {
  for (const auto& c : table) {
    if (c.name == name) return c.version;
  }
  return {};
}

// "debian-12.4" -> "12.4" (prefix "debian-"), "bookworm" -> "12"; "" when unknown.
std::string distro_version(std::string_view distro, std::string_view id,
                           std::string_view (*codename)(std::string_view)) {
  std::string d = lower(distro);
  std::string prefix = std::string(id) + "-";
  if (d.starts_with(prefix)) return d.substr(prefix.size());
  if (!d.empty() && std::isdigit(static_cast<unsigned char>(d[0]))) return d;
  if (codename != nullptr) return std::string(codename(d));
  return {};
}

std::string_view debian_codename(std::string_view n) { return lookup(kDebianCodenames, n); }
std::string_view ubuntu_codename(std::string_view n) { return lookup(kUbuntuCodenames, n); }

// "name" or "name@version" from an upstream/source qualifier.
void split_upstream(std::string_view value, std::string& name, std::string& version) {
  auto at = value.find('@');
  name = std::string(value.substr(0, at));
  version = at == std::string_view::npos ? std::string() : std::string(value.substr(at + 1));
}

Unexpected unsupported(const Purl& p, std::string_view why) {
  return fail(Errc::kUnsupported, fmt::format("purl pkg:{}/{}{}{}: {}", p.type, p.namespace_,
                                              p.namespace_.empty() ? "" : "/", p.name, why));
}

}  // namespace

std::string_view Purl::qualifier(std::string_view key) const {
  for (const auto& [k, v] : qualifiers) {
    if (k == key) return v;
  }
  return {};
}

Result<Purl> parse_purl(std::string_view text) {
  auto bad = [&](std::string_view why) {
    return fail(Errc::kParse, fmt::format("invalid purl \"{}\": {}", text.substr(0, 200), why));
  };
  std::string_view rest = text;
  while (!rest.empty() && std::isspace(static_cast<unsigned char>(rest.back())))
    rest.remove_suffix(1);
  while (!rest.empty() && std::isspace(static_cast<unsigned char>(rest.front())))
    rest.remove_prefix(1);
  if (rest.size() < 4 || lower(rest.substr(0, 4)) != "pkg:") return bad("scheme is not pkg:");
  rest.remove_prefix(4);
  Purl purl;
  // Subpath.
  if (auto hash = rest.rfind('#'); hash != std::string_view::npos) {
    if (!decode_segments(rest.substr(hash + 1), true, purl.subpath)) return bad("bad %-escape");
    rest = rest.substr(0, hash);
  }
  // Qualifiers.
  if (auto q = rest.rfind('?'); q != std::string_view::npos) {
    for (auto pair : split(rest.substr(q + 1), '&')) {
      if (pair.empty()) continue;
      auto eq = pair.find('=');
      if (eq == std::string_view::npos || eq == 0) return bad("qualifier without key=value");
      std::string value;
      if (!percent_decode(pair.substr(eq + 1), value)) return bad("bad %-escape");
      if (value.empty()) continue;
      purl.qualifiers.emplace_back(lower(pair.substr(0, eq)), std::move(value));
    }
    std::sort(purl.qualifiers.begin(), purl.qualifiers.end());
    rest = rest.substr(0, q);
  }
  while (!rest.empty() && rest.front() == '/') rest.remove_prefix(1);
  while (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  // Version: the spec splits on the rightmost '@'; an unencoded npm scope ("@babel/core") is
  // tolerated by requiring the '@' to follow the last '/'.
  if (auto at = rest.rfind('@'); at != std::string_view::npos && at > rest.rfind('/')) {
    if (!percent_decode(rest.substr(at + 1), purl.version)) return bad("bad %-escape");
    rest = rest.substr(0, at);
  }
  auto slash = rest.find('/');
  if (slash == std::string_view::npos || slash == 0) return bad("no type/name");
  purl.type = lower(rest.substr(0, slash));
  for (char c : purl.type) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '+' || c == '-')) {
      return bad("invalid type");
    }
  }
  rest = rest.substr(slash + 1);
  auto last = rest.rfind('/');
  std::string_view name_part = last == std::string_view::npos ? rest : rest.substr(last + 1);
  if (!percent_decode(name_part, purl.name)) return bad("bad %-escape");
  if (purl.name.empty()) return bad("empty name");
  if (last != std::string_view::npos) {
    if (!decode_segments(rest.substr(0, last), false, purl.namespace_)) return bad("bad %-escape");
  }
  // Type-specific normalisation the spec mandates.
  if (purl.type == "pypi") {
    purl.name = lower(purl.name);
    std::replace(purl.name.begin(), purl.name.end(), '_', '-');
  } else if (purl.type == "github" || purl.type == "bitbucket") {
    purl.namespace_ = lower(purl.namespace_);
    purl.name = lower(purl.name);
  }
  return purl;
}

Result<PurlPackage> purl_to_osv(const Purl& p) {
  PurlPackage out;
  out.version = p.version;
  auto with_ns = [&](std::string_view sep) {
    return p.namespace_.empty() ? p.name : p.namespace_ + std::string(sep) + p.name;
  };
  const std::string& t = p.type;
  if (t == "npm") {
    out.ecosystem = "npm";
    out.name = with_ns("/");
  } else if (t == "pypi") {
    out.ecosystem = "PyPI";
    out.name = p.name;
  } else if (t == "golang") {
    out.ecosystem = "Go";
    out.name = with_ns("/");
    if (out.version.starts_with('v')) out.version.erase(0, 1);
  } else if (t == "cargo") {
    out.ecosystem = "crates.io";
    out.name = p.name;
  } else if (t == "maven") {
    out.ecosystem = "Maven";
    if (p.namespace_.empty()) return unsupported(p, "maven purl without a group (namespace)");
    out.name = p.namespace_ + ":" + p.name;
  } else if (t == "gem") {
    out.ecosystem = "RubyGems";
    out.name = p.name;
  } else if (t == "nuget") {
    out.ecosystem = "NuGet";
    out.name = p.name;
  } else if (t == "composer") {
    out.ecosystem = "Packagist";
    out.name = with_ns("/");
  } else if (t == "hex") {
    out.ecosystem = "Hex";
    out.name = p.name;  // the namespace is a Hex organisation, not part of the package name
  } else if (t == "pub") {
    out.ecosystem = "Pub";
    out.name = p.name;
  } else if (t == "cran") {
    out.ecosystem = "CRAN";
    out.name = p.name;
  } else if (t == "hackage") {
    out.ecosystem = "Hackage";
    out.name = p.name;
  } else if (t == "swift") {
    out.ecosystem = "SwiftURL";
    out.name = with_ns("/");
  } else if (t == "conan") {
    out.ecosystem = "ConanCenter";
    out.name = p.name;
  } else if (t == "deb") {
    std::string ns = lower(p.namespace_);
    std::string release;
    if (ns == "debian") {
      out.ecosystem = "Debian";
      release = major_of(distro_version(p.qualifier("distro"), "debian", debian_codename));
    } else if (ns == "ubuntu") {
      out.ecosystem = "Ubuntu";
      release = major_minor_of(distro_version(p.qualifier("distro"), "ubuntu", ubuntu_codename));
      // OSV names Ubuntu's long-term releases (even years, .04) "Ubuntu:22.04:LTS", as
      // os-release-based inventories do (inventory/os_release.cpp).
      if (release.size() == 5 && release.substr(2) == ".04" &&
          std::isdigit(static_cast<unsigned char>(release[1])) && (release[1] - '0') % 2 == 0) {
        release += ":LTS";
      }
    } else {
      return unsupported(p, "deb namespace is not debian or ubuntu");
    }
    if (!release.empty()) out.ecosystem += ":" + release;
    out.name = p.name;
    auto up = p.qualifier("upstream");
    if (up.empty()) up = p.qualifier("source");
    if (!up.empty()) {
      std::string src_name, src_version;
      split_upstream(up, src_name, src_version);
      if (!src_name.empty() && src_name != p.name) {
        out.binary = p.name;
        out.name = src_name;
      }
      if (!src_version.empty()) out.version = src_version;
    }
  } else if (t == "rpm") {
    std::string ns = lower(p.namespace_);
    auto distro = p.qualifier("distro");
    if (ns == "almalinux") {
      out.ecosystem = "AlmaLinux";
      auto v = major_of(distro_version(distro, "almalinux", nullptr));
      if (!v.empty()) out.ecosystem += ":" + v;
    } else if (ns == "rocky" || ns == "rocky-linux" || ns == "rockylinux") {
      out.ecosystem = "Rocky Linux";
      auto v = major_of(distro_version(distro, "rocky", nullptr));
      if (!v.empty()) out.ecosystem += ":" + v;
    } else if (ns == "redhat") {
      // OSV "Red Hat" ecosystems name a CPE-like product stream ("Red Hat:enterprise_linux:9::
      // appstream") that a purl does not carry: the bare ecosystem is what can be said.
      out.ecosystem = "Red Hat";
    } else if (ns == "opensuse") {
      std::string d = lower(distro);
      if (d.starts_with("opensuse-leap-")) {
        out.ecosystem = "openSUSE:Leap " + d.substr(14);
      } else if (d.starts_with("opensuse-tumbleweed")) {
        out.ecosystem = "openSUSE:Tumbleweed";
      } else {
        out.ecosystem = "openSUSE";
      }
    } else if (ns == "suse") {
      std::string d = lower(distro);
      if (d.starts_with("sles-")) {
        std::string v = d.substr(5);
        auto dot = v.find('.');
        out.ecosystem = "SUSE:Linux Enterprise Server " + v.substr(0, dot);
        if (dot != std::string::npos && v.substr(dot + 1) != "0") {
          out.ecosystem += " SP" + v.substr(dot + 1);
        }
      } else {
        out.ecosystem = "SUSE";
      }
    } else {
      return unsupported(p, "rpm namespace has no OSV ecosystem");
    }
    out.name = p.name;
    auto epoch = p.qualifier("epoch");
    if (!epoch.empty() && epoch != "0" && out.version.find(':') == std::string::npos) {
      out.version = std::string(epoch) + ":" + out.version;
    }
  } else if (t == "apk") {
    if (lower(p.namespace_) != "alpine") return unsupported(p, "apk namespace is not alpine");
    out.ecosystem = "Alpine";
    auto v = major_minor_of(distro_version(p.qualifier("distro"), "alpine", nullptr));
    if (!v.empty()) out.ecosystem += ":v" + v;
    out.name = p.name;
    auto up = p.qualifier("upstream");
    if (up.empty()) up = p.qualifier("origin");
    if (!up.empty()) {
      std::string src_name, src_version;
      split_upstream(up, src_name, src_version);
      if (!src_name.empty() && src_name != p.name) {
        out.binary = p.name;
        out.name = src_name;
      }
    }
  } else {
    return unsupported(p, fmt::format("type \"{}\" has no OSV ecosystem", t));
  }
  return out;
}

}  // namespace sw::vuln
