// SPDX-License-Identifier: Apache-2.0
// `db update` against a cpp-httplib server on 127.0.0.1 (random port, own thread) serving zip
// fixtures built here: 200 with ETag then 304, HTTP errors, a body cut short, corrupt archives;
// the old store and cached archives must survive every failure. And `db import`.
#include "vuln/store/update.h"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <thread>

#include <httplib.h>
#include <sys/stat.h>
#include <zip.h>

#include <gtest/gtest.h>

#include "support/fixture.h"
#include "vuln/store/store.h"
#include "vuln/store/update_internal.h"

namespace sw::vuln {
namespace {

namespace fs = std::filesystem;

std::string osv_record(const std::string& id, const std::string& ecosystem, const std::string& name,
                       const std::string& alias = "CVE-2024-0001") {
  return R"({"id":")" + id + R"(","modified":"2024-01-01T00:00:00Z","aliases":[")" + alias +
         R"("],"affected":[{"package":{"ecosystem":")" + ecosystem + R"(","name":")" + name +
         R"("},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.0"}]}]}]})";
}

const char* kKev = R"({"title":"CISA KEV","catalogVersion":"2025.01.01",
"dateReleased":"2025-01-01T00:00:00.000Z","count":1,"vulnerabilities":[{"cveID":"CVE-2024-0001",
"vendorProject":"V","product":"P","vulnerabilityName":"N","dateAdded":"2024-02-01",
"shortDescription":"","requiredAction":"","dueDate":"2024-02-22",
"knownRansomwareCampaignUse":"Known","notes":""}]})";

// A zip archive (deflated members) as bytes.
std::string make_zip(const std::vector<std::pair<std::string, std::string>>& members) {
  test::FixtureRoot tmp;
  std::string path = tmp.real("/a.zip");
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  EXPECT_NE(z, nullptr);
  for (const auto& [name, content] : members) {
    zip_source_t* s = zip_source_buffer(z, content.data(), content.size(), 0);
    zip_int64_t idx = zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE);
    EXPECT_GE(idx, 0);
    zip_set_file_compression(z, static_cast<zip_uint64_t>(idx), ZIP_CM_DEFLATE, 9);
  }
  EXPECT_EQ(zip_close(z), 0);
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The fixture server: handlers per path, the If-None-Match headers it saw.
class Server {
 public:
  using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;
  Server() {
    server_.set_read_timeout(5, 0);
    server_.set_write_timeout(5, 0);
    server_.Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
      Handler h;
      {
        std::lock_guard<std::mutex> l(mu_);
        seen_.push_back(req.path + " " + req.get_header_value("If-None-Match"));
        auto it = handlers_.find(req.path);
        if (it != handlers_.end()) h = it->second;
      }
      if (h) {
        h(req, res);
      } else {
        res.status = 404;
      }
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    // The socket already listens (bind_to_any_port); wait, bounded, for the accept loop.
    for (int i = 0; i < 2000 && !server_.is_running(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
  ~Server() {
    server_.stop();
    thread_.join();
  }
  std::string base() const { return "http://127.0.0.1:" + std::to_string(port_); }
  void on(const std::string& path, Handler h) {
    std::lock_guard<std::mutex> l(mu_);
    handlers_[path] = std::move(h);
  }
  // 200 with an ETag; 304 when the client sends it back.
  void serve(const std::string& path, std::string body, std::string etag,
             std::string type = "application/zip") {
    on(path, [body, etag, type](const httplib::Request& req, httplib::Response& res) {
      if (req.get_header_value("If-None-Match") == etag) {
        res.status = 304;
        return;
      }
      res.set_header("ETag", etag);
      res.set_header("Last-Modified", "Mon, 01 Jan 2024 00:00:00 GMT");
      res.set_content(body, type.c_str());
    });
  }
  std::vector<std::string> seen() {
    std::lock_guard<std::mutex> l(mu_);
    return seen_;
  }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mu_;
  std::map<std::string, Handler> handlers_;
  std::vector<std::string> seen_;
};

UpdateOptions options(const std::string& dir, const Server& s, std::vector<std::string> ecos,
                      bool kev = true) {
  UpdateOptions o;
  o.data_dir = dir;
  o.base_url = s.base();
  o.ecosystems = std::move(ecos);
  o.kev_url = kev ? s.base() + "/kev.json" : "";
  o.connect_timeout_s = 5;
  o.stall_timeout_s = 5;
  o.total_timeout_s = 20;
  return o;
}

const SourceReport& source(const UpdateReport& r, const std::string& name) {
  for (const auto& s : r.sources) {
    if (s.name == name) return s;
  }
  static SourceReport none;
  ADD_FAILURE() << "no source " << name;
  return none;
}

std::vector<std::string> lookup_ids(const std::string& dir, const std::string& eco,
                                    const std::string& name) {
  std::vector<std::string> out;
  auto store = open_store(dir);
  if (!store) {
    ADD_FAILURE() << store.error().to_string();
    return out;
  }
  auto r = (*store)->lookup(eco, name);
  if (!r) {
    ADD_FAILURE() << r.error().to_string();
    return out;
  }
  for (const auto& a : *r) out.push_back(a.id + (a.kev ? "+kev" : ""));
  return out;
}

ino_t inode_of(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return 0;
  return st.st_ino;
}

TEST(StoreUpdate, DownloadsThenConditionalRequestGets304) {
  test::FixtureRoot dir;
  Server s;
  s.serve("/PyPI/all.zip", make_zip({{"PYSEC-1.json", osv_record("PYSEC-1", "PyPI", "Foo_Bar")}}),
          "\"v1\"");
  s.serve("/kev.json", kKev, "\"k1\"", "application/json");
  auto r = update_store(options(dir.path(), s, {"PyPI"}));
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_FALSE(r->any_failed()) << source(*r, "PyPI").error << source(*r, "KEV").error;
  EXPECT_EQ(source(*r, "PyPI").outcome, FetchOutcome::kDownloaded);
  EXPECT_EQ(source(*r, "PyPI").advisories, 1u);
  EXPECT_EQ(source(*r, "KEV").outcome, FetchOutcome::kDownloaded);
  EXPECT_TRUE(r->rebuilt);
  EXPECT_EQ(lookup_ids(dir.path(), "PyPI", "foo-bar"), std::vector<std::string>{"PYSEC-1+kev"});
  std::string archive = dir.path() + "/archives/osv-PyPI.zip";
  ino_t ino = inode_of(archive);
  ASSERT_NE(ino, 0u);
  auto st = (*open_store(dir.path()))->status();
  ASSERT_TRUE(st);
  ASSERT_EQ(st->sources.size(), 2u);
  EXPECT_EQ(st->sources[1].name, "PyPI");
  EXPECT_EQ(st->sources[1].etag, "\"v1\"");
  EXPECT_EQ(st->sources[1].url, s.base() + "/PyPI/all.zip");

  auto again = update_store(options(dir.path(), s, {"PyPI"}));
  ASSERT_TRUE(again) << again.error().to_string();
  EXPECT_EQ(source(*again, "PyPI").outcome, FetchOutcome::kNotModified);
  EXPECT_EQ(source(*again, "KEV").outcome, FetchOutcome::kNotModified);
  EXPECT_FALSE(again->rebuilt);
  EXPECT_EQ(inode_of(archive), ino);  // the cached archive was not rewritten
  auto seen = s.seen();
  ASSERT_EQ(seen.size(), 4u);
  EXPECT_EQ(seen[2], "/PyPI/all.zip \"v1\"");
  EXPECT_EQ(seen[3], "/kev.json \"k1\"");
  EXPECT_EQ(lookup_ids(dir.path(), "PyPI", "foo-bar"), std::vector<std::string>{"PYSEC-1+kev"});
}

TEST(StoreUpdate, ServerErrorKeepsOldStoreAndOtherSourcesUpdate) {
  test::FixtureRoot dir;
  Server s;
  s.serve("/PyPI/all.zip", make_zip({{"PYSEC-1.json", osv_record("PYSEC-1", "PyPI", "foo")}}),
          "\"p1\"");
  s.serve("/Go/all.zip", make_zip({{"GO-1.json", osv_record("GO-1", "Go", "example.com/m")}}),
          "\"g1\"");
  ASSERT_TRUE(update_store(options(dir.path(), s, {"PyPI", "Go"}, false)));
  std::string archive = dir.path() + "/archives/osv-PyPI.zip";
  auto archive_size = fs::file_size(archive);

  s.on("/PyPI/all.zip", [](const httplib::Request&, httplib::Response& res) {
    res.status = 500;
    res.set_content("boom", "text/plain");
  });
  s.serve("/Go/all.zip", make_zip({{"GO-2.json", osv_record("GO-2", "Go", "example.com/m")}}),
          "\"g2\"");
  auto r = update_store(options(dir.path(), s, {"PyPI", "Go"}, false));
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_TRUE(r->any_failed());
  EXPECT_EQ(source(*r, "PyPI").outcome, FetchOutcome::kFailed);
  EXPECT_NE(source(*r, "PyPI").error.find("500"), std::string::npos);
  EXPECT_TRUE(source(*r, "PyPI").cached);
  EXPECT_EQ(source(*r, "Go").outcome, FetchOutcome::kDownloaded);
  EXPECT_TRUE(r->rebuilt);
  EXPECT_EQ(fs::file_size(archive), archive_size);
  // PyPI from the cached archive, Go new.
  EXPECT_EQ(lookup_ids(dir.path(), "PyPI", "foo"), std::vector<std::string>{"PYSEC-1"});
  EXPECT_EQ(lookup_ids(dir.path(), "Go", "example.com/m"), std::vector<std::string>{"GO-2"});
}

TEST(StoreUpdate, BodyCutShortIsRejectedAndStoreUntouched) {
  test::FixtureRoot dir;
  Server s;
  std::string good = make_zip({{"PYSEC-1.json", osv_record("PYSEC-1", "PyPI", "foo")}});
  s.serve("/PyPI/all.zip", good, "\"p1\"");
  ASSERT_TRUE(update_store(options(dir.path(), s, {"PyPI"}, false)));
  auto db_ino = inode_of(store_path(dir.path()));

  std::string next = make_zip({{"PYSEC-2.json", osv_record("PYSEC-2", "PyPI", "foo")}});
  s.on("/PyPI/all.zip", [next](const httplib::Request&, httplib::Response& res) {
    res.set_header("ETag", "\"p2\"");
    // Announces the whole length, sends half, then drops the connection.
    res.set_content_provider(next.size(), "application/zip",
                             [next](size_t offset, size_t, httplib::DataSink& sink) {
                               if (offset > 0) return false;
                               sink.write(next.data(), next.size() / 2);
                               return true;
                             });
  });
  auto r = update_store(options(dir.path(), s, {"PyPI"}, false));
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(source(*r, "PyPI").outcome, FetchOutcome::kFailed);
  EXPECT_FALSE(r->rebuilt);
  EXPECT_EQ(inode_of(store_path(dir.path())), db_ino);
  EXPECT_EQ(lookup_ids(dir.path(), "PyPI", "foo"), std::vector<std::string>{"PYSEC-1"});
  for (const auto& e : fs::directory_iterator(dir.path() + "/archives")) {
    EXPECT_EQ(e.path().filename().string().find(".download-"), std::string::npos);
  }
}

TEST(StoreUpdate, CorruptOrForeignArchivesAreRejected) {
  test::FixtureRoot dir;
  Server s;
  s.serve("/PyPI/all.zip", make_zip({{"PYSEC-1.json", osv_record("PYSEC-1", "PyPI", "foo")}}),
          "\"p1\"");
  ASSERT_TRUE(update_store(options(dir.path(), s, {"PyPI"}, false)));

  std::string big;
  for (int i = 0; i < 200; ++i) big += osv_record("PYSEC-" + std::to_string(i), "PyPI", "foo");
  std::string corrupt = make_zip({{"PYSEC-2.json", big}});
  corrupt[corrupt.size() / 3] ^= 0x55;  // inside the deflated data: CRC or inflate error
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"corrupt", corrupt},
      {"not a zip", "<html>captive portal</html>"},
      {"no OSV records", make_zip({{"README.json", "{\"hello\": 1}"}})},
  };
  int n = 0;
  for (const auto& [what, body] : bad) {
    s.serve("/PyPI/all.zip", body, "\"bad" + std::to_string(++n) + "\"");
    auto r = update_store(options(dir.path(), s, {"PyPI"}, false));
    ASSERT_TRUE(r) << what << ": " << r.error().to_string();
    EXPECT_EQ(source(*r, "PyPI").outcome, FetchOutcome::kFailed) << what;
    EXPECT_NE(source(*r, "PyPI").error.find("rejected"), std::string::npos) << what;
    EXPECT_FALSE(r->rebuilt) << what;
    EXPECT_EQ(lookup_ids(dir.path(), "PyPI", "foo"), std::vector<std::string>{"PYSEC-1"}) << what;
  }
}

TEST(StoreUpdate, KevParseFailureIsReported) {
  test::FixtureRoot dir;
  Server s;
  s.serve("/PyPI/all.zip", make_zip({{"PYSEC-1.json", osv_record("PYSEC-1", "PyPI", "foo")}}),
          "\"p1\"");
  s.serve("/kev.json", "{\"catalogVersion\": 1, \"vulnerabilities\": 3", "\"k\"");
  auto r = update_store(options(dir.path(), s, {"PyPI"}));
  ASSERT_TRUE(r);
  EXPECT_EQ(source(*r, "KEV").outcome, FetchOutcome::kFailed);
  EXPECT_FALSE(source(*r, "KEV").cached);
  EXPECT_EQ(source(*r, "PyPI").outcome, FetchOutcome::kDownloaded);
  EXPECT_TRUE(r->rebuilt);
}

TEST(StoreUpdate, RefusesPlainHttpOffLoopbackAndConcurrentRuns) {
  test::FixtureRoot dir;
  UpdateOptions o;
  o.data_dir = dir.path();
  o.base_url = "http://mirror.example.invalid";
  o.ecosystems = {"PyPI"};
  o.kev_url = "";
  auto r = update_store(o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), Errc::kUsage);
  EXPECT_FALSE(fs::exists(store_path(dir.path())));

  auto held = DataDirLock::acquire(dir.path());
  ASSERT_TRUE(held);
  Server s;
  auto blocked = update_store(options(dir.path(), s, {"PyPI"}, false));
  ASSERT_FALSE(blocked);
  EXPECT_EQ(blocked.error().code(), Errc::kUsage);
  EXPECT_TRUE(s.seen().empty());
}

TEST(StoreUpdate, OsReleaseEcosystem) {
  EXPECT_EQ(os_release_ecosystem("PRETTY_NAME=\"Debian GNU/Linux 12\"\nID=debian\n"), "Debian");
  EXPECT_EQ(os_release_ecosystem("ID=\"rocky\"\n"), "Rocky Linux");
  EXPECT_EQ(os_release_ecosystem("ID=linuxmint\nID_LIKE=\"ubuntu debian\"\n"), "Ubuntu");
  EXPECT_EQ(os_release_ecosystem("ID=gentoo\n"), "");
  auto eco = default_update_ecosystems();
  EXPECT_NE(std::find(eco.begin(), eco.end(), "PyPI"), eco.end());
}

TEST(StoreImport, AddsSourcesReplacesSamePathAndFindsKev) {
  test::FixtureRoot dir;
  test::FixtureRoot data;
  data.write("/tree/PYSEC-1.json", osv_record("PYSEC-1", "PyPI", "foo"));
  data.write("/tree/sub/GHSA-1.yaml",
             "id: GHSA-1\nmodified: 2024-01-01T00:00:00Z\naffected:\n  - package:\n"
             "      ecosystem: npm\n      name: left-pad\n");
  data.write("/tree/broken.json", "{not json");
  data.write("/tree/kev/catalog.json", kKev);
  data.write("/other/GO-1.json", osv_record("GO-1", "Go", "example.com/m", "CVE-2000-1"));
  auto r = import_paths(dir.path(), {data.real("/tree")});
  ASSERT_TRUE(r) << r.error().to_string();
  ASSERT_EQ(r->sources.size(), 2u);
  EXPECT_EQ(r->sources[0].name, "KEV");
  EXPECT_EQ(r->sources[1].advisories, 2u);
  EXPECT_EQ(r->sources[1].skipped, 1u);
  EXPECT_EQ(lookup_ids(dir.path(), "PyPI", "foo"), std::vector<std::string>{"PYSEC-1+kev"});
  EXPECT_EQ(lookup_ids(dir.path(), "npm", "left-pad"), std::vector<std::string>{"GHSA-1"});

  ASSERT_TRUE(import_paths(dir.path(), {data.real("/other/GO-1.json")}));
  EXPECT_EQ(lookup_ids(dir.path(), "PyPI", "foo"), std::vector<std::string>{"PYSEC-1+kev"});
  EXPECT_EQ(lookup_ids(dir.path(), "Go", "example.com/m"), std::vector<std::string>{"GO-1"});

  // The tree imported again, without one record: that record goes, the rest stays.
  fs::remove(data.real("/tree/sub/GHSA-1.yaml"));
  ASSERT_TRUE(import_paths(dir.path(), {data.real("/tree")}));
  EXPECT_TRUE(lookup_ids(dir.path(), "npm", "left-pad").empty());
  EXPECT_EQ(lookup_ids(dir.path(), "Go", "example.com/m"), std::vector<std::string>{"GO-1"});
  auto st = (*open_store(dir.path()))->status();
  ASSERT_TRUE(st);
  EXPECT_EQ(st->sources.size(), 3u);
  EXPECT_EQ(st->advisories, 2u);

  // A missing path changes nothing.
  auto bad = import_paths(dir.path(), {data.real("/other"), data.real("/nope")});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code(), Errc::kNotFound);
  EXPECT_EQ((*open_store(dir.path()))->status()->sources.size(), 3u);
}

}  // namespace
}  // namespace sw::vuln
