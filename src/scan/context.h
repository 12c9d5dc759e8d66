// SPDX-License-Identifier: Apache-2.0
// ScanContext: what checks see of one scan. It owns nothing of the machine; it holds the Host, the
// options, and a cache of *facts*: parsed views of the machine shared by several checks (the
// effective sshd configuration, the accounts, the file index from the single filesystem walk, the
// package list...). A fact is a type with
//     static sw::Result<Fact> load(sw::scan::ScanContext& ctx);
// and is loaded once, on first use, by ctx.fact<Fact>(). Adding a fact is adding a file in
// scan/facts/; nothing here changes. Input problems a fact meets (a malformed line) are reported
// with ctx.input_error() and end up in the report's `errors`, while the rest is still used.
//
// Thread-safety: fact() and input_error() may be called from several threads; a fact's load may
// itself call fact<Other>() (but never, even indirectly, fact<Itself>()).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <typeindex>
#include <vector>

#include "core/error.h"
#include "core/host.h"
#include "core/result.h"

namespace sw::scan {

struct ScanOptions {
  // Whose home directories the "home" family reads: every account's (true: root, or --root
  // mode) or only `home_uid`'s.
  bool all_homes = true;
  uint32_t home_uid = 0;
  bool walk = true;  // walk the filesystem for the permission checks (--no-walk turns it off)
  std::string data_dir = {};                   // advisory store; empty: vuln::default_data_dir()
  std::vector<std::string> paths = {};         // project paths whose lockfiles are checked
  std::vector<std::string> ignore_files = {};  // vulnerability ignore files (vuln/ignore.h)
};

class ScanContext {
 public:
  ScanContext(const Host& host, ScanOptions options) : host_(host), options_(options) {}
  ScanContext(const ScanContext&) = delete;
  ScanContext& operator=(const ScanContext&) = delete;

  const Host& host() const { return host_; }
  const ScanOptions& options() const { return options_; }

  // The fact of type Fact, loaded on first use. Concurrent callers of the same fact wait for one
  // load; different facts load independently (a long filesystem walk does not block the others).
  template <class Fact>
  const Result<Fact>& fact() {
    Box<Fact>* box = nullptr;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      auto& slot = facts_[std::type_index(typeid(Fact))];
      if (!slot) slot = std::make_unique<Box<Fact>>();
      box = static_cast<Box<Fact>*>(slot.get());
    }
    std::call_once(box->once, [&] { box->value.emplace(Fact::load(*this)); });
    return *box->value;
  }

  // Records a problem with the scanned machine's input ("/etc/shadow:4: 3 fields, expected 9").
  // Repeated identical messages are kept once.
  void input_error(const Error& error);
  std::vector<std::string> input_errors() const;

  // Records something the reader of the report must know about this scan that is neither a
  // finding nor an input error ("home directory skipped: bob: /home/bob does not exist").
  // Repeated identical notes are kept once.
  void note(std::string text);
  std::vector<std::string> notes() const;

 private:
  struct BoxBase {
    virtual ~BoxBase() = default;
    std::once_flag once;
  };
  template <class Fact>
  struct Box final : BoxBase {
    std::optional<Result<Fact>> value;
  };
  const Host& host_;
  ScanOptions options_;
  mutable std::mutex mutex_;
  std::map<std::type_index, std::unique_ptr<BoxBase>> facts_;
  std::vector<std::string> input_errors_;
  std::vector<std::string> notes_;
};

}  // namespace sw::scan
