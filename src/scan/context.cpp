// SPDX-License-Identifier: Apache-2.0
#include "scan/context.h"

#include <algorithm>

namespace sw::scan {

void ScanContext::input_error(const Error& error) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string text = error.to_string();
  if (std::find(input_errors_.begin(), input_errors_.end(), text) == input_errors_.end()) {
    input_errors_.push_back(std::move(text));
  }
}

std::vector<std::string> ScanContext::input_errors() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return input_errors_;
}

void ScanContext::note(std::string text) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (std::find(notes_.begin(), notes_.end(), text) == notes_.end())
    notes_.push_back(std::move(text));
}

std::vector<std::string> ScanContext::notes() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return notes_;
}

}  // namespace sw::scan
