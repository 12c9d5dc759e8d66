// SPDX-License-Identifier: Apache-2.0
// `shieldwall phish`: is this message or link a trap, and why. Inputs: .eml files and directories
// of them, mboxes (--mbox), Maildirs (--maildir), URLs (as arguments, or one per line with
// --urls FILE). Every message gets a verdict (phishing / suspicious / legitimate), the reasons in
// plain words, and follow-ups for the recipient, the mail administrator and the organization.
// Never opens a link, renders or executes anything; no network.
// Repeatable options take one value each, so `--feed FILE URL` leaves URL an input.
// Exit codes: 0 nothing phishing; 1 something is phishing; 2 input problems (unreadable files,
// broken messages: each reported, the rest still analysed).
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/common.h"
#include "phish/email.h"
#include "phish/feed.h"
#include "phish/message.h"
#include "phish/shown.h"
#include "phish/url.h"
#include "phish/verdict.h"

namespace sw::cli {
namespace {

namespace ph = sw::phish;

struct PhishArgs {
  std::vector<std::string> inputs;  // files, directories, URLs
  std::vector<std::string> mboxes;
  std::vector<std::string> maildirs;
  std::vector<std::string> url_files;
  std::vector<std::string> protected_domains;
  std::vector<std::string> trusted_ids;
  std::vector<std::string> arc_sealers;
  std::vector<std::string> feeds;
  std::string dkim_keys;
  std::string public_suffix_list;
  int suspicious_at = 0;
  int phishing_at = 0;
  std::string config;
  WriteOptions write;
};

// An argument that is not an existing path is taken as a URL when it has a scheme or starts
// like a host name ("www.", or a dotted name with no spaces).
bool looks_like_url(const std::string& s) {
  if (s.find("://") != std::string::npos) return true;
  for (const char* p : {"www.", "data:", "javascript:", "vbscript:"}) {
    if (s.rfind(p, 0) == 0) return true;
  }
  return s.find('.') != std::string::npos && s.find(' ') == std::string::npos && s.find('/') != 0;
}

// "\r12,345 messages analysed" on a terminal, at most twice a second; nothing in pipes.
class Progress {
 public:
  Progress() : tty_(isatty(STDERR_FILENO) != 0) {}
  ~Progress() {
    if (shown_) std::fputs("\r\x1b[K", stderr);
  }
  void tick(size_t n) {
    if (!tty_) return;
    auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(500)) return;
    last_ = now;
    shown_ = true;
    fmt::print(stderr, "\rshieldwall: {} analysed", n);
  }

 private:
  bool tty_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

int run_phish(const PhishArgs& a) {
  bool input_problem = false;
  std::string config_path;
  ConfigLoad cfg = load_config_reporting(a.config, config_path, input_problem);
  const PhishConfig& pc = cfg.config.phish;

  // A newer public suffix list, before anything computes a registrable domain.
  if (const std::string& psl =
          !a.public_suffix_list.empty() ? a.public_suffix_list : pc.public_suffix_list;
      !psl.empty()) {
    if (auto used = ph::use_public_suffix_file(psl); !used) {
      fmt::print(stderr, "shieldwall: {} (using the system's list)\n", used.error().to_string());
      input_problem = true;
    }
  }

  ph::EmailSettings settings;
  settings.trusted_authserv_ids = pc.trusted_authserv_ids;
  settings.trusted_authserv_ids.insert(settings.trusted_authserv_ids.end(), a.trusted_ids.begin(),
                                       a.trusted_ids.end());
  settings.trusted_arc_sealers = pc.trusted_arc_sealers;
  settings.trusted_arc_sealers.insert(settings.trusted_arc_sealers.end(), a.arc_sealers.begin(),
                                      a.arc_sealers.end());
  settings.protected_domains = pc.protected_domains;
  settings.protected_domains.insert(settings.protected_domains.end(), a.protected_domains.begin(),
                                    a.protected_domains.end());
  settings.own_domains = pc.own_domains;
  settings.protected_people = pc.protected_people;
  settings.dkim_keys = a.dkim_keys;
  if (pc.suspicious_at) settings.thresholds.suspicious_at = *pc.suspicious_at;
  if (pc.phishing_at) settings.thresholds.phishing_at = *pc.phishing_at;
  if (a.suspicious_at > 0) settings.thresholds.suspicious_at = a.suspicious_at;
  if (a.phishing_at > 0) settings.thresholds.phishing_at = a.phishing_at;
  // Thresholds the user set apply to URLs too; the defaults differ (fewer URL detectors).
  if (pc.suspicious_at || a.suspicious_at > 0) {
    settings.url_thresholds.suspicious_at = settings.thresholds.suspicious_at;
  }
  if (pc.phishing_at || a.phishing_at > 0) {
    settings.url_thresholds.phishing_at = settings.thresholds.phishing_at;
  }
  settings.limits.keep_raw = !a.dkim_keys.empty();
  if (settings.thresholds.suspicious_at > settings.thresholds.phishing_at) {
    fmt::print(stderr, "shieldwall: --suspicious-at ({}) must not be above --phishing-at ({})\n",
               settings.thresholds.suspicious_at, settings.thresholds.phishing_at);
    return kExitInput;
  }
  std::vector<std::string> feeds = pc.feeds;
  feeds.insert(feeds.end(), a.feeds.begin(), a.feeds.end());
  for (const auto& f : feeds) {
    auto feed = ph::load_url_feed(f);
    if (!feed) {
      fmt::print(stderr, "shieldwall: {}\n", feed.error().to_string());
      input_problem = true;
      continue;
    }
    for (const auto& e : feed->problems) fmt::print(stderr, "shieldwall: {}\n", e.to_string());
    if (feed->skipped > feed->problems.size()) {
      fmt::print(stderr, "shieldwall: {}: {} more lines skipped\n", f,
                 feed->skipped - feed->problems.size());
    }
    if (feed->skipped > 0) input_problem = true;
    for (const auto& u : feed->urls) settings.blocklist.urls.insert(u);
    for (const auto& h : feed->hosts) settings.blocklist.hosts.insert(h);
  }

  ph::EmailAnalyzer analyzer(std::move(settings));
  for (const auto& n : analyzer.setup_notes()) {
    fmt::print(stderr, "shieldwall: {}\n", n);
    input_problem = true;
  }
  std::vector<ph::Verdict> verdicts;
  Progress progress;
  auto on_message = [&](ph::Message&& m) {
    verdicts.push_back(analyzer.analyze(m));
    progress.tick(verdicts.size());
  };
  auto on_error = [&](const std::string& source, const std::string& reason) {
    fmt::print(stderr, "shieldwall: {}: {}\n", source, reason);
    input_problem = true;
    ph::Verdict v;
    v.source = source;
    v.verdict = "error";
    v.notes.push_back(reason);
    verdicts.push_back(std::move(v));
  };

  std::vector<std::string> paths;
  std::vector<std::string> urls;
  for (const auto& in : a.inputs) {
    if (is_file(in) || is_dir(in)) {
      paths.push_back(in);
    } else if (looks_like_url(in)) {
      urls.push_back(in);
    } else {
      fmt::print(stderr, "shieldwall: {}: no such file or directory (and not a URL)\n", in);
      input_problem = true;
    }
  }
  if (!paths.empty()) {
    auto r = ph::read_eml_paths(paths, on_message, on_error, analyzer.settings().limits);
    if (!r) {
      fmt::print(stderr, "shieldwall: {}\n", r.error().to_string());
      input_problem = true;
    }
  }
  for (const auto& box : a.mboxes) {
    auto r = ph::read_mbox(box, on_message, on_error, analyzer.settings().limits);
    if (!r) {
      fmt::print(stderr, "shieldwall: {}\n", r.error().to_string());
      input_problem = true;
    }
  }
  for (const auto& dir : a.maildirs) {
    auto r = ph::read_maildir(dir, on_message, on_error, analyzer.settings().limits);
    if (!r) {
      fmt::print(stderr, "shieldwall: {}\n", r.error().to_string());
      input_problem = true;
    }
  }
  // A URL that cannot be analysed is an input problem: named on stderr (with its file and line
  // when it came from --urls), listed as "error" in the output, exit code 2.
  auto analyze_url = [&](std::string_view url, const std::string& where) {
    verdicts.push_back(analyzer.analyze_url(url));
    if (verdicts.back().verdict == "error") {
      fmt::print(stderr, "shieldwall: {}not a valid web address: {}\n", where, ph::shown(url));
      input_problem = true;
    }
  };
  for (const auto& u : urls) analyze_url(u, "");
  for (const auto& file : a.url_files) {
    std::ifstream f_in;
    std::istream* in = &std::cin;
    if (file != "-") {
      f_in.open(file, std::ios::binary);
      if (!f_in) {
        fmt::print(stderr, "shieldwall: {}: cannot open\n", file);
        input_problem = true;
        continue;
      }
      in = &f_in;
    }
    std::string line;
    int line_no = 0;
    const std::string name = file == "-" ? "<stdin>" : file;
    while (std::getline(*in, line)) {
      ++line_no;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      size_t b = line.find_first_not_of(" \t");
      if (b == std::string::npos || line[b] == '#') continue;
      size_t e = line.find_last_not_of(" \t");
      analyze_url(std::string_view(line).substr(b, e - b + 1),
                  fmt::format("{}:{}: ", name, line_no));
      progress.tick(verdicts.size());
    }
  }
  if (a.inputs.empty() && a.mboxes.empty() && a.maildirs.empty() && a.url_files.empty()) {
    fmt::print(stderr,
               "shieldwall: phish needs something to analyse: FILE.eml, DIR, URL, --mbox FILE, "
               "--maildir DIR or --urls FILE\n");
    return kExitInput;
  }

  std::ostringstream rendered;
  if (a.write.format == "json") {
    // Message text is UTF-8 after GMime, but a broken byte must not abort the report: replace it.
    rendered << ph::to_json(verdicts, iso_now())
                    .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
             << "\n";
  } else if (a.write.format == "html") {
    ph::write_html(verdicts, rendered, iso_now());
  } else {
    ph::TextOptions o;
    o.verbose = a.write.verbose;
    o.color = a.write.color == "always" ||
              (a.write.color == "auto" && a.write.output.empty() && isatty(STDOUT_FILENO) != 0);
    ph::write_text(verdicts, rendered, o);
  }
  if (a.write.output.empty()) {
    std::cout << rendered.str() << std::flush;
  } else {
    std::ofstream out(a.write.output, std::ios::binary);
    out << rendered.str();
    if (!out) {
      fmt::print(stderr, "shieldwall: {}: cannot write\n", a.write.output);
      return kExitInput;
    }
  }
  if (input_problem) return kExitInput;
  for (const auto& v : verdicts) {
    if (v.verdict == "phishing") return kExitFindings;
  }
  return kExitClean;
}

}  // namespace

void add_phish(CLI::App& app, int& exit_code) {
  auto a = std::make_shared<PhishArgs>();
  CLI::App* cmd = app.add_subcommand(
      "phish",
      "is this e-mail or link a trap, and why: a verdict with reasons in plain words and who "
      "should do what");
  cmd->add_option("INPUT", a->inputs, ".eml files, directories of them, or URLs");
  cmd->add_option("--mbox", a->mboxes, "an mbox file (repeatable)")->allow_extra_args(false);
  cmd->add_option("--maildir", a->maildirs, "a Maildir directory (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--urls", a->url_files, "a file of URLs, one per line ('-' = stdin)")
      ->allow_extra_args(false);
  cmd->add_option("--protected-domain", a->protected_domains,
                  "a domain people might be tricked into trusting (repeatable; adds to the "
                  "built-in brands)")
      ->allow_extra_args(false);
  cmd->add_option("--trusted-authserv-id", a->trusted_ids,
                  "the authserv-id of your own receiving mail servers' Authentication-Results "
                  "(repeatable; default: the topmost header's)")
      ->allow_extra_args(false);
  cmd->add_option("--trusted-arc-sealer", a->arc_sealers,
                  "a forwarder (mailing list, forwarding service) whose ARC seals you trust, by "
                  "its ARC-Seal d= domain (repeatable): its record of a passing DMARC check stands "
                  "in for one its forwarding broke")
      ->allow_extra_args(false);
  cmd->add_option("--feed", a->feeds,
                  "a known-bad URL feed (OpenPhish text or PhishTank CSV; repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--dkim-keys", a->dkim_keys,
                  "verify DKIM signatures offline with the DNS TXT records in FILE "
                  "(\"selector._domainkey.domain TXT-text\" per line)");
  cmd->add_option("--public-suffix-list", a->public_suffix_list,
                  "a newer public_suffix_list.dat to find registrable domains with (default: "
                  "Debian's publicsuffix list or libpsl's built-in one, whichever is newer)");
  cmd->add_option("--suspicious-at", a->suspicious_at, "score from which a message is suspicious")
      ->check(CLI::Range(1, 10000));
  cmd->add_option("--phishing-at", a->phishing_at, "score from which a message is phishing")
      ->check(CLI::Range(1, 10000));
  cmd->add_option("--config", a->config, "shieldwall.toml ([phish] section)");
  cmd->add_option("-f,--format", a->write.format, "text, json or html")
      ->check(CLI::IsMember({"text", "json", "html"}));
  cmd->add_option("-o,--output", a->write.output, "write to FILE instead of stdout");
  cmd->add_option("--color", a->write.color, "auto, always or never (text)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_flag("-v,--verbose", a->write.verbose,
                "text: every reason, also of legitimate messages, and the notes");
  cmd->callback([a, &exit_code] { exit_code = run_phish(*a); });
}

}  // namespace sw::cli
