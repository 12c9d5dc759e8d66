// SPDX-License-Identifier: Apache-2.0
// pom.xml (maven.apache.org/pom.html): the project's <dependencies> and those of profiles active
// by default (<activation><activeByDefault>true), as "groupId:artifactId" in ecosystem Maven.
// Rules (Maven's model building as far as one file allows; osv-scalibr's pomxml extractor):
//  * ${...} is interpolated from <properties>, project.version / project.groupId /
//    project.artifactId (legacy pom.* and bare version), project.parent.version and
//    project.parent.groupId (parent.*); a groupId missing from the project comes from <parent>;
//  * a dependency without <version> takes the version its <dependencyManagement> entry gives
//    (dependencyManagement entries alone are not dependencies; scope "import" BOMs are not
//    resolved -- that needs the network);
//  * a version range takes its lower bound ("[9.4.35,9.5)" -> 9.4.35), as osv-scalibr does;
//  * a version that cannot be resolved from this file (inherited from a parent POM or a BOM, or an
//    undefined property) is never guessed: the package is listed with an empty version and the
//    problem is reported (kUnsupported) with its line;
//  * the same groupId:artifactId twice (classifiers) is one package; the later entry wins.
// Scopes other than compile/runtime become the package's group ("test", "provided", "system").
// Parsed with pugixml.
#include <map>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "vuln/inventory/lock_formats_more.h"
#include "vuln/inventory/lockfile_text.h"

namespace sw::vuln {
namespace {

std::string text_of(const pugi::xml_node& node, const char* child) {
  std::string s = node.child(child).text().as_string();
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

class Interpolator {
 public:
  explicit Interpolator(std::map<std::string, std::string> props) : props_(std::move(props)) {}

  // Replaces every ${name}; false when one is undefined or the nesting is too deep.
  bool expand(std::string& s, std::string& missing) const {
    for (int round = 0; round < 16; ++round) {
      auto open = s.find("${");
      if (open == std::string::npos) return true;
      auto close = s.find('}', open);
      if (close == std::string::npos) {
        missing = s.substr(open);
        return false;
      }
      std::string key = s.substr(open + 2, close - open - 2);
      auto it = props_.find(key);
      if (it == props_.end()) {
        missing = key;
        return false;
      }
      s.replace(open, close - open + 1, it->second);
    }
    missing = "(recursive property)";
    return false;
  }

 private:
  std::map<std::string, std::string> props_;
};

// Lower bound of a version range, the version itself otherwise; "" when there is no lower bound.
std::string lower_bound(const std::string& v) {
  if (v.empty() || (v[0] != '[' && v[0] != '(')) return v;
  auto end = v.find_first_of(",])");
  std::string lo = v.substr(1, end == std::string::npos ? std::string::npos : end - 1);
  auto b = lo.find_first_not_of(' ');
  if (b == std::string::npos) return {};
  auto e = lo.find_last_not_of(' ');
  return lo.substr(b, e - b + 1);
}

}  // namespace

bool is_pom_xml(std::string_view path) {
  auto base = lock_base_name(path);
  return base == "pom.xml" || base.ends_with(".pom");
}

PackageList parse_pom_xml(std::string_view text, const std::string& path) {
  PackageList out;
  pugi::xml_document doc;
  auto parsed = doc.load_buffer(text.data(), text.size(), pugi::parse_default);
  if (!parsed) {
    out.errors.emplace_back(Errc::kParse, fmt::format("invalid XML: {}", parsed.description()),
                            path, line_at(text, static_cast<size_t>(parsed.offset)));
    return out;
  }
  auto project = doc.child("project");
  if (!project) {
    out.errors.emplace_back(Errc::kParse, "no <project> element", path, 1);
    return out;
  }
  auto line_of = [&](const pugi::xml_node& node) {
    return line_at(text, static_cast<size_t>(node.offset_debug()));
  };

  std::map<std::string, std::string> props;
  for (auto prop : project.child("properties").children()) {
    if (prop.type() == pugi::node_element) props[prop.name()] = text_of(prop.parent(), prop.name());
  }
  auto parent = project.child("parent");
  std::string parent_version = text_of(parent, "version");
  std::string parent_group = text_of(parent, "groupId");
  std::string version = text_of(project, "version");
  std::string group = text_of(project, "groupId");
  if (version.empty()) version = parent_version;
  if (group.empty()) group = parent_group;
  auto set_default = [&](const std::string& key, const std::string& value) {
    if (!value.empty()) props.emplace(key, value);
  };
  for (const char* prefix : {"project.", "pom.", ""}) {
    set_default(std::string(prefix) + "version", version);
    set_default(std::string(prefix) + "groupId", group);
    set_default(std::string(prefix) + "artifactId", text_of(project, "artifactId"));
  }
  set_default("project.parent.version", parent_version);
  set_default("parent.version", parent_version);
  set_default("project.parent.groupId", parent_group);
  set_default("parent.groupId", parent_group);
  Interpolator interp(std::move(props));

  // Containers of <dependencies> / <dependencyManagement>: the project and default profiles.
  std::vector<pugi::xml_node> scopes{project};
  for (auto profile : project.child("profiles").children("profile")) {
    if (text_of(profile.child("activation"), "activeByDefault") == "true") {
      scopes.push_back(profile);
    }
  }

  std::map<std::string, std::string> managed;
  for (auto scope : scopes) {
    for (auto dep :
         scope.child("dependencyManagement").child("dependencies").children("dependency")) {
      std::string g = text_of(dep, "groupId"), a = text_of(dep, "artifactId"),
                  v = text_of(dep, "version"), missing;
      if (text_of(dep, "scope") == "import") continue;
      if (!interp.expand(g, missing) || !interp.expand(a, missing) || !interp.expand(v, missing)) {
        continue;  // reported if a dependency needs it
      }
      managed[g + ":" + a] = lower_bound(v);
    }
  }

  for (auto scope : scopes) {
    for (auto dep : scope.child("dependencies").children("dependency")) {
      int line = line_of(dep);
      std::string g = text_of(dep, "groupId"), a = text_of(dep, "artifactId"), missing;
      if (!interp.expand(g, missing) || !interp.expand(a, missing) || g.empty() || a.empty()) {
        out.errors.emplace_back(Errc::kParse,
                                missing.empty()
                                    ? "dependency without groupId or artifactId"
                                    : fmt::format("undefined property ${{{}}}", missing),
                                path, line);
        continue;
      }
      Package p;
      p.ecosystem = "Maven";
      p.name = g + ":" + a;
      p.path = path;
      p.line = line;
      std::string v = text_of(dep, "version");
      if (v.empty()) {
        auto it = managed.find(p.name);
        if (it != managed.end()) {
          p.version = it->second;
        } else {
          out.errors.emplace_back(
              Errc::kUnsupported,
              fmt::format("{}: no version in this file (inherited from a parent POM or a BOM)",
                          p.name),
              path, line);
        }
      } else if (interp.expand(v, missing)) {
        p.version = lower_bound(v);
        if (p.version.empty()) {
          out.errors.emplace_back(Errc::kUnsupported,
                                  fmt::format("{}: version range without a lower bound", p.name),
                                  path, line);
        }
      } else {
        out.errors.emplace_back(
            Errc::kUnsupported,
            fmt::format("{}: version uses undefined property ${{{}}}", p.name, missing), path,
            line);
      }
      std::string s = text_of(dep, "scope");
      if (!s.empty() && s != "compile" && s != "runtime") p.groups.push_back(s);
      bool replaced = false;
      for (auto& q : out.packages) {
        if (q.name == p.name) {
          q = p;
          replaced = true;
        }
      }
      if (!replaced) out.packages.push_back(std::move(p));
    }
  }
  return out;
}

}  // namespace sw::vuln
