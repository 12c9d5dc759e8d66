// SPDX-License-Identifier: Apache-2.0
// See range_client.h. libcurl does the HTTP(S); redirects are not followed (the API does not
// redirect, and following one could leave https), and the response is capped at 4 MiB (a real
// padded range is about 30 KiB).
#include "password/breach/range_client.h"

#include <algorithm>
#include <charconv>
#include <memory>
#include <mutex>

#include <curl/curl.h>

#include "core/error.h"
#include "password/secret_string.h"

namespace sw::password {

namespace {

constexpr std::size_t kMaxBody = 4u << 20;

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

struct Body {
  std::string bytes;
  bool too_big = false;
};

size_t on_data(char* ptr, size_t size, size_t nmemb, void* user) {
  auto* body = static_cast<Body*>(user);
  const std::size_t n = size * nmemb;
  if (body->bytes.size() + n > kMaxBody) {
    body->too_big = true;
    return 0;  // aborts the transfer
  }
  body->bytes.append(ptr, n);
  return n;
}

bool iequal_hex(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto up = [](char c) { return c >= 'a' && c <= 'f' ? static_cast<char>(c - 32) : c; };
    if (up(a[i]) != up(b[i])) return false;
  }
  return true;
}

bool is_hex(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  });
}

}  // namespace

Result<RangeResponse> parse_range_response(std::string_view body, std::string_view suffix_hex,
                                           HashKind kind) {
  const std::size_t want = 2 * digest_size(kind) - 5;
  RangeResponse r;
  std::size_t pos = 0;
  while (pos < body.size()) {
    std::size_t eol = body.find('\n', pos);
    if (eol == std::string_view::npos) eol = body.size();
    std::string_view line = body.substr(pos, eol - pos);
    pos = eol + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty()) continue;
    const std::size_t colon = line.find(':');
    std::uint64_t count = 0;
    if (colon != want || !is_hex(line.substr(0, colon))) {
      ++r.bad_lines;
      continue;
    }
    const std::string_view num = line.substr(colon + 1);
    const auto [end, ec] = std::from_chars(num.data(), num.data() + num.size(), count);
    if (num.empty() || ec != std::errc() || end != num.data() + num.size()) {
      ++r.bad_lines;
      continue;
    }
    if (count == 0) {
      ++r.padding;
      continue;
    }
    ++r.entries;
    if (iequal_hex(line.substr(0, colon), suffix_hex)) r.count = count;
  }
  if (r.entries == 0 && r.padding == 0 && !body.empty()) {
    return fail(Errc::kParse, "the range response has no SUFFIX:COUNT line");
  }
  return r;
}

PwnedRangeClient::PwnedRangeClient(PwnedApiOptions options) : options_(std::move(options)) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

Result<std::uint64_t> PwnedRangeClient::count(std::string_view password) {
  Digest d = hash_password(options_.kind, password);
  auto r = count_digest(d);
  wipe(d.data(), d.size());
  return r;
}

Result<std::uint64_t> PwnedRangeClient::count_digest(const Digest& digest) {
  const std::string& base = options_.base_url;
  const bool https = base.rfind("https://", 0) == 0;
  const bool http = base.rfind("http://", 0) == 0;
  if (!https && !(http && options_.allow_http)) {
    return fail(Errc::kUsage, http
                                  ? "refusing plain http:// for the Pwned Passwords API (use https)"
                                  : "the Pwned Passwords API URL must start with https://");
  }
  std::string hex = to_hex(digest, options_.kind);
  const std::string prefix = hex.substr(0, 5);
  std::string url = base + prefix;
  if (options_.kind == HashKind::kNtlm) url += "?mode=ntlm";

  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) {
    wipe(hex);
    return fail(Errc::kInternal, "curl_easy_init failed");
  }
  std::unique_ptr<curl_slist, SlistDeleter> headers(
      curl_slist_append(nullptr, "Add-Padding: true"));
  Body body;
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, options_.allow_http ? "http,https" : "https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(c, CURLOPT_USERAGENT, options_.user_agent.c_str());
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, options_.timeout_ms);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &body);
  ++requests_;
  const CURLcode rc = curl_easy_perform(c);
  const std::string where = base + prefix;  // the prefix only: safe to show
  if (body.too_big) {
    wipe(hex);
    return fail(Errc::kParse, "range response larger than 4 MiB", where);
  }
  if (rc != CURLE_OK) {
    wipe(hex);
    return fail(Errc::kIo, std::string("range request failed: ") + curl_easy_strerror(rc), where);
  }
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  if (status != 200) {
    wipe(hex);
    return fail(Errc::kIo, "range request answered HTTP " + std::to_string(status), where);
  }
  auto parsed = parse_range_response(body.bytes, std::string_view(hex).substr(5), options_.kind);
  wipe(hex);
  if (!parsed) return fail(parsed.error().code(), parsed.error().message(), where);
  return parsed->count;
}

}  // namespace sw::password
