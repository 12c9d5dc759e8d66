// SPDX-License-Identifier: Apache-2.0
// Conformance of shieldwall's default secret rules (src/secrets/rules/*.toml) against test
// vectors it does not own:
//
//   sw_default_rules_conformance noseyparker /work/shared/data/secrets/noseyparker-rules [-v]
//     noseyparker's rules carry 430 positive examples (each must be found by SOME rule of ours)
//     and 143 negative ones (none should be flagged); reports both, per noseyparker rule.
//   sw_default_rules_conformance corpus DIR [-v]
//     a labelled corpus made by tests/secrets/corpus/make_corpus.py: a planted secret is found
//     when a finding starts on its line, a decoy is flagged when anything is found in its file.
//   sw_default_rules_conformance scan DIR [-v]
//     every text file under DIR: findings per rule (redacted with -v), to read false positives
//     on a real tree.
//
// Measured with the RE2-only reference applier of gitleaks' semantics (tests/secrets/
// rule_apply_support.h), not with the Hyperscan engine: the figures are the rules' own.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "rule_apply_support.h"
#include "secrets/default_rules.h"
#include "secrets/engine.h"

namespace fs = std::filesystem;
using sw::secrets::test::SimpleFinding;
using sw::secrets::test::SimpleMatcher;

namespace {

// What a mode runs over each text: the RE2 reference applier, or the real engine (--engine).
using MatchFn = std::function<std::vector<SimpleFinding>(std::string_view, std::string_view)>;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string rules_of(const std::vector<SimpleFinding>& f) {
  std::string out;
  for (const auto& x : f) {
    if (out.find(x.rule_id) == std::string::npos) out += (out.empty() ? "" : ",") + x.rule_id;
  }
  return out;
}

std::string short_text(const std::string& s) {
  std::string t = s.substr(0, 110);
  std::replace(t.begin(), t.end(), '\n', ' ');
  return t;
}

int run_noseyparker(const MatchFn& m, const fs::path& dir, bool verbose) {
  struct Row {
    std::string id, name, categories;
    int pos = 0, found = 0, neg = 0, flagged = 0;
  };
  std::vector<Row> rows;
  std::set<std::string> positive_texts;  // every rule's positive examples
  int cross = 0;                         // flagged negatives that are another rule's positive
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir / "rules")) {
    if (e.path().extension() == ".yml") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    try {
      for (const auto& r : YAML::LoadFile(f.string())["rules"]) {
        for (const auto& ex : r["examples"]) positive_texts.insert(ex.as<std::string>());
      }
    } catch (const std::exception&) {
    }
  }
  for (const auto& f : files) {
    YAML::Node doc;
    try {
      doc = YAML::LoadFile(f.string());
    } catch (const std::exception& e) {
      std::cerr << f << ": " << e.what() << "\n";
      continue;
    }
    for (const auto& r : doc["rules"]) {
      Row row;
      row.id = r["id"].as<std::string>();
      row.name = r["name"].as<std::string>();
      if (r["categories"]) {
        for (const auto& c : r["categories"]) row.categories += c.as<std::string>() + " ";
      }
      for (const auto& ex : r["examples"]) {
        const auto text = ex.as<std::string>();
        const auto hits = m(text, "example.txt");
        ++row.pos;
        if (!hits.empty()) ++row.found;
        if (verbose && hits.empty()) fmt::print("  MISS {} {}\n", row.id, short_text(text));
      }
      if (r["negative_examples"]) {
        for (const auto& ex : r["negative_examples"]) {
          const auto text = ex.as<std::string>();
          const auto hits = m(text, "example.txt");
          ++row.neg;
          if (!hits.empty()) ++row.flagged;
          if (!hits.empty() && positive_texts.count(text) != 0) ++cross;
          if (verbose && !hits.empty()) {
            fmt::print("  FLAG {} [{}] {}\n", row.id, rules_of(hits), short_text(text));
          }
        }
      }
      rows.push_back(row);
    }
  }
  int pos = 0, found = 0, neg = 0, flagged = 0, spos = 0, sfound = 0;
  fmt::print("{:<22} {:>9} {:>9}  {}\n", "noseyparker rule", "found", "flagged",
             "name [categories]");
  for (const auto& r : rows) {
    pos += r.pos;
    found += r.found;
    neg += r.neg;
    flagged += r.flagged;
    const bool identifier = r.categories.find("identifier") != std::string::npos;
    if (!identifier) {
      spos += r.pos;
      sfound += r.found;
    }
    fmt::print("{:<22} {:>4}/{:<4} {:>4}/{:<4}  {} [{}]\n", r.id, r.found, r.pos, r.flagged, r.neg,
               r.name, r.categories);
  }
  fmt::print("\npositives found: {}/{} ({:.1f}%)\n", found, pos, 100.0 * found / std::max(pos, 1));
  fmt::print("positives found, rules not in the 'identifier' category: {}/{} ({:.1f}%)\n", sfound,
             spos, 100.0 * sfound / std::max(spos, 1));
  fmt::print("negatives flagged: {}/{} ({:.1f}%)\n", flagged, neg,
             100.0 * flagged / std::max(neg, 1));
  fmt::print("  of which another noseyparker rule's positive example: {}\n", cross);
  return 0;
}

int run_corpus(const MatchFn& m, const fs::path& dir, bool verbose) {
  std::ifstream labels(dir / "labels.jsonl");
  if (!labels) {
    std::cerr << "no labels.jsonl in " << dir << "\n";
    return 2;
  }
  struct Kind {
    int n = 0, hit = 0;
    bool secret = true;
  };
  std::map<std::string, Kind> kinds;
  std::map<std::string, std::pair<int, int>> syntax_misses;
  std::string line;
  while (std::getline(labels, line)) {
    if (line.empty()) continue;
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded()) continue;
    const std::string rel = j["file"];
    const int want_line = j["line"];
    const bool secret = j["secret"];
    const std::string kind = j["kind"];
    const std::string text = read_file(dir / rel);
    const auto hits = m(text, rel);
    bool hit = false;
    if (secret) {
      for (const auto& h : hits) hit = hit || h.line == want_line;
    } else {
      hit = !hits.empty();
    }
    auto& k = kinds[kind];
    k.secret = secret;
    ++k.n;
    if (hit) ++k.hit;
    if (verbose && hit != secret) {
      fmt::print("  {} {} {} [{}]: {}\n", secret ? "MISS" : "FLAG", kind, rel, rules_of(hits),
                 short_text(text));
    }
  }
  int sn = 0, sh = 0, dn = 0, dh = 0;
  for (const auto& [name, k] : kinds) {
    fmt::print("{:<28} {:>6} {:>4}/{:<4}\n", name, k.secret ? "found" : "flagged", k.hit, k.n);
    if (k.secret) {
      sn += k.n;
      sh += k.hit;
    } else {
      dn += k.n;
      dh += k.hit;
    }
  }
  fmt::print("\nsecrets found: {}/{} ({:.1f}%)\ndecoys flagged: {}/{} ({:.1f}%)\n", sh, sn,
             100.0 * sh / std::max(sn, 1), dh, dn, 100.0 * dh / std::max(dn, 1));
  return 0;
}

// Every regular file under DIR (skipping .git and files over 1 MiB): counts of findings per rule,
// and with -v each finding redacted (rule, file:line, the secret's first 4 characters, length).
int run_scan(const MatchFn& m, const fs::path& dir, bool verbose) {
  std::map<std::string, int> per_rule;
  std::size_t files = 0;
  std::size_t bytes = 0;
  std::error_code ec;
  for (auto it =
           fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (it->is_directory(ec) && it->path().filename() == ".git") {
      it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec) || it->file_size(ec) > (1U << 20)) continue;
    const std::string text = read_file(it->path());
    if (text.find('\0') != std::string::npos) continue;  // binary
    ++files;
    bytes += text.size();
    const std::string rel = fs::relative(it->path(), dir, ec).string();
    for (const auto& h : m(text, rel)) {
      ++per_rule[h.rule_id];
      if (verbose) {
        fmt::print("  {} {}:{} {}... ({} chars)\n", h.rule_id, rel, h.line, h.secret.substr(0, 4),
                   h.secret.size());
      }
    }
  }
  fmt::print("{} files, {} bytes\n", files, bytes);
  for (const auto& [rule, n] : per_rule) fmt::print("{:<36} {}\n", rule, n);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: " << argv[0] << " noseyparker|corpus|scan DIR [-v] [--engine]\n";
    return 2;
  }
  const std::string mode = argv[1];
  bool verbose = false;
  bool use_engine = false;
  for (int i = 3; i < argc; ++i) {
    verbose = verbose || std::string(argv[i]) == "-v";
    use_engine = use_engine || std::string(argv[i]) == "--engine";
  }
  auto rules = sw::secrets::default_rules();
  if (!rules) {
    std::cerr << rules.error().to_string() << "\n";
    return 3;
  }
  SimpleMatcher matcher(*rules);
  MatchFn fn = [&matcher](std::string_view text, std::string_view path) {
    return matcher.scan(text, path);
  };
  std::unique_ptr<sw::secrets::Scanner> scanner;
  std::unique_ptr<sw::secrets::FragmentScanner> worker;
  if (use_engine) {
    std::vector<sw::Error> rule_errors;
    auto compiled = sw::secrets::Scanner::compile(*rules, &rule_errors);
    for (const auto& e : rule_errors) std::cerr << e.to_string() << "\n";
    if (!compiled) {
      std::cerr << compiled.error().to_string() << "\n";
      return 3;
    }
    scanner = std::move(*compiled);
    auto w = scanner->make_worker();
    if (!w) {
      std::cerr << w.error().to_string() << "\n";
      return 3;
    }
    worker = std::move(*w);
    fn = [&worker](std::string_view text, std::string_view path) {
      sw::secrets::Fragment f;
      f.text = text;
      f.path = std::string(path);
      std::vector<sw::secrets::SecretMatch> found;
      std::vector<SimpleFinding> out;
      if (!worker->scan(f, found)) return out;
      for (const auto& m : found) {
        SimpleFinding s;
        s.rule_id = m.rule_id;
        s.secret = m.secret;
        s.match = m.match;
        s.line = m.start_line;
        out.push_back(std::move(s));
      }
      return out;
    };
  } else {
    for (const auto& e : matcher.errors()) std::cerr << "regex error: " << e << "\n";
  }
  fmt::print("{} default rules ({})\n\n", rules->rules.size(),
             use_engine ? "the engine: Hyperscan + RE2" : "RE2 reference applier");
  if (mode == "noseyparker") return run_noseyparker(fn, argv[2], verbose);
  if (mode == "corpus") return run_corpus(fn, argv[2], verbose);
  if (mode == "scan") return run_scan(fn, argv[2], verbose);
  std::cerr << "unknown mode " << mode << "\n";
  return 2;
}
