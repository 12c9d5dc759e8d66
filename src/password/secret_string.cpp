// SPDX-License-Identifier: Apache-2.0
// See secret_string.h. Growth goes through reserve_wiped(): a std::string that reallocates on its
// own would free the old buffer with the secret still in it.
#include "password/secret_string.h"

#include <algorithm>
#include <utility>

#include <openssl/crypto.h>

namespace sw::password {

void wipe(void* data, std::size_t size) noexcept {
  if (data != nullptr && size > 0) OPENSSL_cleanse(data, size);
}

void wipe(std::string& s) noexcept {
  // The bytes past size() up to capacity() may hold an older, longer content.
  s.resize(s.capacity());
  wipe(s.data(), s.size());
  s.clear();
}

SecretString::SecretString(SecretString&& other) noexcept : buf_(std::move(other.buf_)) {
  wipe(other.buf_);  // a short string lives inside the object (SSO): the move copied it
}

SecretString& SecretString::operator=(SecretString&& other) noexcept {
  if (this != &other) {
    clear();
    buf_ = std::move(other.buf_);
    wipe(other.buf_);
  }
  return *this;
}

void SecretString::reserve_wiped(std::size_t n) {
  if (n <= buf_.capacity()) return;
  std::string bigger;
  bigger.reserve(std::max(n, buf_.capacity() * 2));
  bigger.append(buf_);
  wipe(buf_);
  buf_.swap(bigger);
}

void SecretString::assign(std::string_view s) {
  clear();
  reserve_wiped(s.size());
  buf_.append(s);
}

void SecretString::append(std::string_view s) {
  reserve_wiped(buf_.size() + s.size());
  buf_.append(s);
}

void SecretString::chomp() noexcept {
  std::size_t n = buf_.size();
  while (n > 0 && (buf_[n - 1] == '\n' || buf_[n - 1] == '\r')) --n;
  if (n == buf_.size()) return;
  wipe(buf_.data() + n, buf_.size() - n);
  buf_.resize(n);
}

}  // namespace sw::password
