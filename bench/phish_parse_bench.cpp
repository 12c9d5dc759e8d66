// SPDX-License-Identifier: Apache-2.0
// parse_message() (GMime) over a set of .eml files on one core: messages/s and MB/s, parse
// failures, and how many messages carry notes (damaged MIME, cut parts, charset fallbacks).
// Files are read into memory first, so the figures are parsing alone, not disk.
//
//   sw_phish_parse_bench [--repeat N] [--notes] [--mbox FILE] DIR_OR_FILE...
//
// --notes prints every note with its file; --mbox FILE also times read_mbox_data on FILE.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <time.h>

#include "phish/message.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Input {
  std::string path;
  std::string bytes;
};

// CPU time of this process: the machine may be shared, so wall time overstates the cost.
double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The first words of a note, so that notes naming different values group together.
std::string note_kind(const std::string& note) {
  size_t cut = note.find_first_of("(\"0123456789");
  std::string k = note.substr(0, std::min<size_t>(cut, 60));
  while (!k.empty() && k.back() == ' ') k.pop_back();
  return k;
}

}  // namespace

int main(int argc, char** argv) {
  int repeat = 5;
  bool show_notes = false;
  std::string mbox;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--notes") {
      show_notes = true;
    } else if (a == "--mbox" && i + 1 < argc) {
      mbox = argv[++i];
    } else {
      paths.push_back(a);
    }
  }
  if (paths.empty() && mbox.empty()) {
    std::fprintf(stderr,
                 "usage: sw_phish_parse_bench [--repeat N] [--notes] [--mbox FILE] PATH...\n");
    return 2;
  }

  // Collect the file list through the reader itself (sorted, recursive), then load the bytes.
  std::vector<Input> inputs;
  size_t total_bytes = 0;
  (void)sw::phish::read_eml_paths(
      paths,
      [&](sw::phish::Message&& m) {
        inputs.push_back({m.source, {}});
      },
      [&](const std::string& src, const std::string&) {
        inputs.push_back({src, {}});
      });
  for (auto& in : inputs) {
    in.bytes = slurp(in.path);
    total_bytes += in.bytes.size();
  }

  size_t failures = 0;
  size_t with_notes = 0;
  size_t notes = 0;
  size_t attachments = 0;
  size_t embedded = 0;
  std::map<std::string, size_t> kinds;
  for (const auto& in : inputs) {
    auto m = sw::phish::parse_message(in.bytes, in.path);
    if (!m) {
      ++failures;
      std::printf("FAIL %s: %s\n", in.path.c_str(), m.error().message().c_str());
      continue;
    }
    attachments += m->attachments.size();
    embedded += m->embedded.size();
    if (!m->notes.empty()) ++with_notes;
    notes += m->notes.size();
    for (const auto& n : m->notes) {
      ++kinds[note_kind(n)];
      if (show_notes) std::printf("NOTE %s: %s\n", in.path.c_str(), n.c_str());
    }
  }

  if (!inputs.empty()) {
    auto start = Clock::now();
    double cpu_start = cpu_seconds();
    size_t sink = 0;
    for (int r = 0; r < repeat; ++r) {
      for (const auto& in : inputs) {
        auto m = sw::phish::parse_message(in.bytes, in.path);
        if (m) sink += m->text_parts.size() + m->html_parts.size();
      }
    }
    double secs = std::chrono::duration<double>(Clock::now() - start).count();
    double cpu = cpu_seconds() - cpu_start;
    double n = static_cast<double>(inputs.size()) * repeat;
    double mb = static_cast<double>(total_bytes) * repeat / (1024.0 * 1024.0);
    std::printf(
        "messages: %zu (%.1f MB), parse failures: %zu, with notes: %zu (%zu notes), "
        "attachments: %zu, embedded messages: %zu\n",
        inputs.size(), static_cast<double>(total_bytes) / (1024.0 * 1024.0), failures, with_notes,
        notes, attachments, embedded);
    std::printf("parse (CPU time, one thread): %.0f messages/s, %.1f MB/s, %.1f us/message\n",
                n / cpu, mb / cpu, cpu * 1e6 / n);
    std::printf("parse (wall clock): %.0f messages/s, %.1f MB/s (%d rounds; %zu)\n", n / secs,
                mb / secs, repeat, sink % 2);
    for (const auto& [kind, count] : kinds) std::printf("  %5zu  %s\n", count, kind.c_str());
  }

  if (!mbox.empty()) {
    std::string data = slurp(mbox);
    size_t count = 0;
    size_t errors = 0;
    auto start = Clock::now();
    double cpu_start = cpu_seconds();
    count = sw::phish::read_mbox_data(
        data, mbox, [&](sw::phish::Message&&) {},
        [&](const std::string&, const std::string&) { ++errors; });
    double secs = cpu_seconds() - cpu_start;
    double wall = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf("mbox %s: %zu messages, %zu errors, %.0f messages/s, %.1f MB/s CPU (%.2f s wall)\n",
                mbox.c_str(), count, errors, static_cast<double>(count) / secs,
                static_cast<double>(data.size()) / (1024.0 * 1024.0) / secs, wall);
  }
  return 0;
}
