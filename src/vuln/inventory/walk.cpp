// SPDX-License-Identifier: Apache-2.0
// Lockfile walk (see walk.h). Uses std::filesystem with error codes (no exception escapes).
#include "vuln/inventory/walk.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>

#include "vuln/inventory/lockfiles.h"

namespace sw::vuln {
namespace {

namespace fs = std::filesystem;

struct Walker {
  const WalkOptions& options;
  PackageList out;
  std::set<std::pair<std::uintmax_t, std::uintmax_t>> seen;  // not used for links; kept simple

  void error(Errc code, std::string message, const std::string& path) {
    out.errors.emplace_back(code, std::move(message), path, 0);
  }

  void parse_file(const fs::path& file, const std::string& shown) {
    const auto* format = lockfile_format_for(shown);
    if (!format) return;
    if (!options.installed && is_installed_format_id(format->id)) return;
    std::error_code ec;
    auto size = fs::file_size(file, ec);
    if (ec) {
      error(Errc::kIo, "cannot read: " + ec.message(), shown);
      return;
    }
    if (size > options.max_file_size) {
      error(Errc::kUnsupported, "file too large to parse (" + std::to_string(size) + " bytes)",
            shown);
      return;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      error(Errc::kPermission, "cannot open file", shown);
      return;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) {
      error(Errc::kIo, "read failed", shown);
      return;
    }
    auto text = ss.str();
    auto list = format->parse(text, shown);
    for (auto& p : list.packages) out.packages.push_back(std::move(p));
    for (auto& e : list.errors) out.errors.push_back(std::move(e));
  }

  static bool pseudo_fs(const fs::path& dir) {
    std::error_code ec;
    auto canon = fs::canonical(dir, ec);
    if (ec) return false;
    auto s = canon.string();
    for (std::string_view p : {"/proc", "/sys", "/dev", "/run"}) {
      if (s == p) return true;
    }
    return false;
  }

  void walk_dir(const fs::path& dir, const std::string& shown, int depth) {
    if (depth > options.max_depth) {
      error(Errc::kUnsupported, "directory tree too deep; not descended", shown);
      return;
    }
    if (pseudo_fs(dir)) return;
    std::error_code ec;
    fs::directory_iterator it(dir, fs::directory_options::none, ec);
    if (ec) {
      error(ec == std::errc::permission_denied ? Errc::kPermission : Errc::kIo,
            "cannot read directory: " + ec.message(), shown);
      return;
    }
    struct Entry {
      std::string name;
      fs::file_type type;
    };
    std::vector<Entry> entries;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      std::error_code sec;
      auto st = it->symlink_status(sec);
      entries.push_back({it->path().filename().string(), sec ? fs::file_type::unknown : st.type()});
    }
    if (ec) error(Errc::kIo, "directory listing failed: " + ec.message(), shown);
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.name < b.name; });
    for (const auto& e : entries) {
      fs::path child = dir / e.name;
      std::string child_shown = shown.empty() ? e.name : shown + "/" + e.name;
      if (e.type == fs::file_type::directory) {
        if (e.name == ".git") continue;
        if (e.name == "node_modules" && !options.installed) continue;
        walk_dir(child, child_shown, depth + 1);
      } else if (e.type == fs::file_type::regular) {
        parse_file(child, child_shown);
      } else if (e.type == fs::file_type::symlink) {
        // Links to files are read (a lockfile may be linked); links to directories are not
        // followed, which rules out loops.
        std::error_code sec;
        if (fs::is_regular_file(child, sec)) parse_file(child, child_shown);
      }
    }
  }
};

std::string shown_root(const std::string& root) {
  std::string s = root;
  while (s.size() > 1 && s.ends_with('/')) s.pop_back();
  if (s == ".") return {};
  if (s.starts_with("./")) s.erase(0, 2);
  return s;
}

}  // namespace

bool is_installed_format_id(std::string_view format_id) {
  return format_id == "node_modules/package.json" || format_id == "dist-info/METADATA";
}

PackageList find_packages(const std::vector<std::string>& roots, const WalkOptions& options) {
  Walker w{options, {}, {}};
  for (const auto& root : roots) {
    std::error_code ec;
    auto st = fs::status(root, ec);  // the root itself may be a link
    if (ec) {
      w.error(ec == std::errc::permission_denied ? Errc::kPermission : Errc::kNotFound,
              "cannot access: " + ec.message(), root);
      continue;
    }
    auto shown = shown_root(root);
    if (st.type() == fs::file_type::directory) {
      w.walk_dir(root, shown, 0);
    } else if (st.type() == fs::file_type::regular) {
      w.parse_file(root, shown.empty() ? root : shown);
    }
  }
  return std::move(w.out);
}

}  // namespace sw::vuln
