// SPDX-License-Identifier: Apache-2.0
// The range client against a cpp-httplib server on 127.0.0.1: what the server sees (the prefix
// only, the padding header), padding entries, NTLM mode, errors.
#include "password/breach/range_client.h"

#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>

#include <gtest/gtest.h>

namespace sw::password {
namespace {

class RangeServer : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.Get(R"(/range/([0-9A-Fa-f]+))",
                [this](const httplib::Request& req, httplib::Response& res) {
                  {
                    std::lock_guard<std::mutex> lock(mutex_);
                    seen_.push_back(req.path + "?" +
                                    (req.has_param("mode") ? req.get_param_value("mode") : ""));
                    padding_header_ = req.get_header_value("Add-Padding");
                    user_agent_ = req.get_header_value("User-Agent");
                    body_seen_ += req.body;
                  }
                  if (status_ != 200) {
                    res.status = status_;
                    res.set_content("<html>nope</html>", "text/html");
                    return;
                  }
                  res.set_content(body_, "text/plain");
                });
    port_ = server_.bind_to_any_port("127.0.0.1");
    ASSERT_GT(port_, 0);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  void TearDown() override {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }
  PwnedApiOptions options(HashKind kind = HashKind::kSha1) const {
    PwnedApiOptions o;
    o.base_url = "http://127.0.0.1:" + std::to_string(port_) + "/range/";
    o.allow_http = true;
    o.timeout_ms = 5000;
    o.kind = kind;
    return o;
  }

  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mutex_;
  std::vector<std::string> seen_;
  std::string padding_header_, user_agent_, body_seen_;
  std::string body_;
  int status_ = 200;
};

TEST_F(RangeServer, SendsOnlyThePrefixAndFindsTheCount) {
  // password → 5BAA6 1E4C9B93F3F0682250B6CF8331B7EE68FD8
  body_ =
      "0018A45C4D1DEF81644B54AB7F969B88D65:1\r\n"
      "1E4C9B93F3F0682250B6CF8331B7EE68FD8:9545824\r\n"
      "1E4C9B93F3F0682250B6CF8331B7EE68FD9:0\r\n"  // padding
      "011053FD0102E94D6AE2F8B83D76FAF94F6:0\r\n";
  PwnedRangeClient client(options());
  auto r = client.count("password");
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(*r, 9545824u);
  EXPECT_EQ(client.requests_made(), 1u);
  std::lock_guard<std::mutex> lock(mutex_);
  ASSERT_EQ(seen_.size(), 1u);
  EXPECT_EQ(seen_[0], "/range/5BAA6?");
  EXPECT_EQ(padding_header_, "true");
  EXPECT_EQ(user_agent_, "shieldwall");
  EXPECT_TRUE(body_seen_.empty());
  for (const auto& s : seen_) {
    EXPECT_EQ(s.find("1E4C9B93"), std::string::npos) << "the suffix must never be sent";
    EXPECT_EQ(s.find("password"), std::string::npos);
  }
}

TEST_F(RangeServer, AbsentAndPaddingOnlyGiveZero) {
  body_ = "1E4C9B93F3F0682250B6CF8331B7EE68FD8:0\n0018A45C4D1DEF81644B54AB7F969B88D65:3\n";
  PwnedRangeClient client(options());
  auto r = client.count("password");
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, 0u) << "a padding entry (count 0) is not a breach";
  EXPECT_EQ(client.count("123456").value_or(99), 0u);
  EXPECT_EQ(client.requests_made(), 2u);
}

TEST_F(RangeServer, NtlmMode) {
  // NTLM(password) = 8846F 7EAEE8FB117AD06BDD830B7586C
  body_ = "7EAEE8FB117AD06BDD830B7586C:42\n";
  PwnedRangeClient client(options(HashKind::kNtlm));
  auto r = client.count("password");
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(*r, 42u);
  std::lock_guard<std::mutex> lock(mutex_);
  EXPECT_EQ(seen_.at(0), "/range/8846F?ntlm");
}

TEST_F(RangeServer, ServerErrorsAreErrors) {
  status_ = 429;
  PwnedRangeClient client(options());
  auto r = client.count("password");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message().find("429"), std::string::npos);
  EXPECT_NE(r.error().to_string().find("/range/5BAA6"), std::string::npos);
  EXPECT_EQ(r.error().to_string().find("1E4C9B93"), std::string::npos);
}

TEST_F(RangeServer, HtmlBodyIsAParseError) {
  body_ = "<html><body>maintenance</body></html>";
  PwnedRangeClient client(options());
  auto r = client.count("password");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), Errc::kParse);
}

TEST(RangeClient, RefusesPlainHttpUnlessAllowed) {
  PwnedApiOptions o;
  o.base_url = "http://127.0.0.1:9/range/";
  PwnedRangeClient client(o);
  auto r = client.count("password");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), Errc::kUsage);
  EXPECT_EQ(client.requests_made(), 0u);
  o.base_url = "ftp://example.org/";
  EXPECT_FALSE(PwnedRangeClient(o).count("x"));
}

TEST(RangeClient, ConnectionRefusedIsAnError) {
  PwnedApiOptions o;
  o.base_url = "http://127.0.0.1:1/range/";
  o.allow_http = true;
  o.timeout_ms = 2000;
  PwnedRangeClient client(o);
  auto r = client.count("password");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), Errc::kIo);
}

TEST(RangeClient, ParsesRobustly) {
  auto r = parse_range_response(
      "garbage\n1E4C9B93F3F0682250B6CF8331B7EE68FD8:12 "
      "\r\nZZZ:1\n1E4C9B93F3F0682250B6CF8331B7EE68FD8:x\n",
      "1e4c9b93f3f0682250b6cf8331b7ee68fd8", HashKind::kSha1);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->count, 12u);
  EXPECT_EQ(r->entries, 1u);
  EXPECT_EQ(r->bad_lines, 3u);
  EXPECT_TRUE(parse_range_response("", "AB", HashKind::kSha1));
}

}  // namespace
}  // namespace sw::password
