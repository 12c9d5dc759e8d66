// SPDX-License-Identifier: Apache-2.0
// SecretString: a password (or any secret) held in memory only as long as it is needed and wiped
// when it goes away. The buffer is zeroed with OPENSSL_cleanse (which the optimiser may not remove)
// on destruction, on clear() and when it grows, so no stale copy stays in freed heap memory that a
// core dump or a later allocation could expose. Not copyable: every copy would be one more place to
// wipe. DESIGN.md, "Rules the product keeps about itself": a password never appears in any output,
// log or core dump path we control.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sw::password {

// Overwrites the bytes with zeros in a way the compiler cannot elide.
void wipe(void* data, std::size_t size) noexcept;
void wipe(std::string& s) noexcept;  // wipes the whole capacity, then clears

class SecretString {
 public:
  SecretString() = default;
  explicit SecretString(std::string_view s) { assign(s); }
  SecretString(const SecretString&) = delete;
  SecretString& operator=(const SecretString&) = delete;
  SecretString(SecretString&& other) noexcept;
  SecretString& operator=(SecretString&& other) noexcept;
  ~SecretString() { clear(); }

  void assign(std::string_view s);
  void append(std::string_view s);
  void push_back(char c) { append(std::string_view(&c, 1)); }
  void clear() noexcept { wipe(buf_); }
  // Removes trailing '\r' / '\n' (a line read from a terminal or a file).
  void chomp() noexcept;

  [[nodiscard]] std::string_view view() const noexcept { return buf_; }
  [[nodiscard]] const char* data() const noexcept { return buf_.data(); }
  [[nodiscard]] std::size_t size() const noexcept { return buf_.size(); }
  [[nodiscard]] bool empty() const noexcept { return buf_.empty(); }

 private:
  void reserve_wiped(std::size_t n);
  std::string buf_;
};

}  // namespace sw::password
