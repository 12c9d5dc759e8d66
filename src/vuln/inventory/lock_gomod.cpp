// SPDX-License-Identifier: Apache-2.0
// go.mod (go.dev/ref/mod#go-mod-file; grammar of golang.org/x/mod/modfile): `require`, `replace`
// and `exclude` directives, single-line or in `verb ( ... )` blocks, tokens optionally quoted
// ("..." or `...`), `//` comments (`// indirect` marks an indirect requirement; it is kept).
// Rules, as osv-scalibr's gomod extractor (extractor/filesystem/language/golang/gomod) applies
// them:
//  * a `replace old [vX] => new vY` applies to the required `old` (at vX when a version is given)
//    and the replacement is what gets built, so it is what is reported; two requirements that end
//    up at the same module@version are reported once;
//  * a replacement by a local directory (no version) is not a published module: unlike
//    osv-scalibr, which reports it by its path with no version, the requirement is dropped (no
//    advisory can name it) -- this project's choice;
//  * `exclude m vX` drops a requirement of exactly m@vX (the go command would resolve a higher
//    version we cannot know);
//  * the Go standard library is reported as "stdlib" at the `toolchain` version (go1.23.6-xyz ->
//    1.23.6). The `go` directive alone is not used: it is the minimum language version, and the
//    toolchain that builds the module is usually newer, so taking it as the standard library's
//    version would report advisories the build does not have (osv-scanner does not either).
// Versions are stored without the leading "v": OSV Go advisories write "1.2.3", not "v1.2.3".
// Ecosystem Go. Hand-written: there is no C++ go.mod parser.
#include <cctype>
#include <optional>
#include <span>
#include <vector>

#include <fmt/format.h>

#include "core/host.h"
#include "vuln/inventory/lock_formats_more.h"

namespace sw::vuln {
namespace {

struct Requirement {
  std::string module;
  std::string version;  // as written, with "v"
  int line = 0;
};

struct Replacement {
  std::string old_module, old_version, new_module, new_version;
  int line = 0;
};

// Splits a line into tokens; drops the comment. Returns false on an unterminated quote.
bool tokenize(std::string_view line, std::vector<std::string>& tokens) {
  tokens.clear();
  size_t i = 0;
  while (i < line.size()) {
    char c = line[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (line.substr(i, 2) == "//") {
      break;
    } else if (c == '"' || c == '`') {
      std::string tok;
      size_t j = i + 1;
      bool closed = false;
      for (; j < line.size(); ++j) {
        if (c == '"' && line[j] == '\\' && j + 1 < line.size()) {
          tok.push_back(line[++j]);
        } else if (line[j] == c) {
          closed = true;
          break;
        } else {
          tok.push_back(line[j]);
        }
      }
      if (!closed) return false;
      tokens.push_back(std::move(tok));
      i = j + 1;
    } else if (c == '(' || c == ')') {
      tokens.emplace_back(1, c);
      ++i;
    } else if (line.substr(i, 2) == "=>") {
      tokens.emplace_back("=>");
      i += 2;
    } else {
      size_t j = i;
      while (j < line.size() && !std::isspace(static_cast<unsigned char>(line[j])) &&
             line.substr(j, 2) != "//" && line.substr(j, 2) != "=>" && line[j] != '(' &&
             line[j] != ')') {
        ++j;
      }
      tokens.emplace_back(line.substr(i, j - i));
      i = j;
    }
  }
  return true;
}

std::string strip_v(std::string_view version) {
  if (version.starts_with('v')) version.remove_prefix(1);
  return std::string(version);
}

bool is_local_path(std::string_view p) {
  return p.starts_with("./") || p.starts_with("../") || p.starts_with('/') || p == "." ||
         p == ".." || (p.size() > 2 && p[1] == ':');
}

}  // namespace

bool is_go_mod(std::string_view path) { return lock_base_name(path) == "go.mod"; }

PackageList parse_go_mod(std::string_view text, const std::string& path) {
  PackageList out;
  std::vector<Requirement> requires_;
  std::vector<Replacement> replaces;
  std::vector<Requirement> excludes;
  std::optional<std::pair<std::string, int>> go_version, toolchain;
  std::string block;  // the verb of the open block, "" outside
  int block_line = 0;
  int n = 0;
  std::vector<std::string> tokens;
  auto error = [&](std::string msg) {
    out.errors.emplace_back(Errc::kParse, std::move(msg), path, n);
  };

  auto entry = [&](std::string_view verb, std::span<const std::string> args) {
    if (verb == "require" || verb == "exclude") {
      if (args.size() != 2) {
        error(fmt::format("{} entry needs a module path and a version", verb));
        return;
      }
      (verb == "require" ? requires_ : excludes).push_back({args[0], args[1], n});
    } else if (verb == "replace") {
      // old [v] => new [v]
      size_t arrow = 0;
      while (arrow < args.size() && args[arrow] != "=>") ++arrow;
      if (arrow == args.size() || arrow == 0 || arrow > 2 || args.size() - arrow - 1 == 0 ||
          args.size() - arrow - 1 > 2) {
        error("replace entry is not \"module [version] => module [version]\"");
        return;
      }
      Replacement r;
      r.old_module = args[0];
      if (arrow == 2) r.old_version = args[1];
      r.new_module = args[arrow + 1];
      if (args.size() - arrow - 1 == 2) r.new_version = args[arrow + 2];
      r.line = n;
      replaces.push_back(std::move(r));
    }
    // module, godebug, retract, tool, ignore: nothing to inventory.
  };

  for (auto raw : split_lines(text)) {
    ++n;
    if (!tokenize(raw, tokens)) {
      error("unterminated quoted string");
      continue;
    }
    if (tokens.empty()) continue;
    if (!block.empty()) {
      if (tokens.size() == 1 && tokens[0] == ")") {
        block.clear();
        continue;
      }
      entry(block, tokens);
      continue;
    }
    const std::string& verb = tokens[0];
    if (tokens.size() == 2 && tokens[1] == "(") {
      block = verb;
      block_line = n;
      continue;
    }
    std::span<const std::string> args(tokens.data() + 1, tokens.size() - 1);
    if (verb == "go" && args.size() == 1) {
      go_version = {{args[0], n}};
    } else if (verb == "toolchain" && args.size() == 1) {
      toolchain = {{args[0], n}};
    } else if (verb == "require" || verb == "replace" || verb == "exclude") {
      entry(verb, args);
    } else if (verb == "module" || verb == "go" || verb == "toolchain" || verb == "godebug" ||
               verb == "retract" || verb == "tool" || verb == "ignore") {
      // nothing to inventory
    } else {
      error(fmt::format("unknown directive \"{}\"", verb.substr(0, 40)));
    }
  }
  if (!block.empty()) {
    out.errors.emplace_back(Errc::kParse, fmt::format("\"{} (\" block is not closed", block), path,
                            block_line);
  }

  for (const auto& req : requires_) {
    bool excluded = false;
    for (const auto& ex : excludes)
      excluded |= ex.module == req.module && ex.version == req.version;
    if (excluded) continue;
    Package p;
    p.ecosystem = "Go";
    p.name = req.module;
    p.version = strip_v(req.version);
    p.path = path;
    p.line = req.line;
    bool dropped = false;
    for (const auto& r : replaces) {
      if (r.old_module != req.module) continue;
      if (!r.old_version.empty() && r.old_version != req.version) continue;
      if (r.new_version.empty()) {
        if (is_local_path(r.new_module)) {
          dropped = true;  // local directory: not a published module
        } else {
          p.name = r.new_module;  // malformed (module without version): keep the name only
        }
      } else {
        p.name = r.new_module;
        p.version = strip_v(r.new_version);
      }
    }
    if (dropped) continue;
    bool duplicate = false;
    for (const auto& q : out.packages) duplicate |= q.name == p.name && q.version == p.version;
    if (!duplicate) out.packages.push_back(std::move(p));
  }

  (void)go_version;
  const auto& stdlib = toolchain;
  if (stdlib) {
    std::string v = stdlib->first;
    if (v.starts_with("go")) v.erase(0, 2);
    if (auto cut = v.find_first_of("-+"); cut != std::string::npos) v.erase(cut);
    if (!v.empty()) {
      Package p;
      p.ecosystem = "Go";
      p.name = "stdlib";
      p.version = v;
      p.path = path;
      p.line = stdlib->second;
      out.packages.push_back(std::move(p));
    }
  }
  return out;
}

}  // namespace sw::vuln
