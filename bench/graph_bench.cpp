// SPDX-License-Identifier: Apache-2.0
// Speed of the graph analyses (../shared/specs/graph.md, 2.4) on a synthetic enterprise built
// directly as a compiled AttackGraph (no model file, no compile()): zones, workstations with
// phishable people and their sessions, servers with services and vulnerabilities, flows between
// zones, identities and groups, helpdesk admin rights on every host, server-admin and domain-admin
// sessions, leaked service-account secrets. Sizes: 1k / 10k / 100k hosts (100k: 666,952 nodes and
// 1,060,380 edges; the spec's generator had 703,568 and 1,122,137).
//
//   sw_graph_bench [--benchmark_filter=Cut/100000] [--benchmark_min_time=0.1]
//
// Timed: BFS (reachability), exposure, Dijkstra (hand-written heap vs Boost on a CSR view), Yen
// k = 5, and min cut by push-relabel, Boykov-Kolmogorov and Edmonds-Karp. Counters show the graph
// sizes and each cut's value and item count, so the three max-flows can be seen to agree.
#include <cstdio>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "graph/analysis.h"
#include "graph/attack_graph.h"
#include "graph/shortest_path.h"

namespace sw::graph {
namespace {

class Enterprise {
 public:
  explicit Enterprise(int hosts, std::uint32_t seed = 42) : rng_(seed) {
    g_.add_state("attacker");
    g_.add_state("target");
    build(hosts);
    g_.finish();
  }
  AttackGraph& graph() { return g_; }

 private:
  double uniform() { return std::uniform_real_distribution<double>(0, 1)(rng_); }
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }

  NodeId gate(std::string id, GateKind kind, std::string owner, std::optional<double> cost,
              double p) {
    Node n;
    n.kind = NodeKind::kGate;
    n.name = std::move(id);
    n.gate_kind = kind;
    n.owner = std::move(owner);
    n.cost = cost;
    n.p = p;
    return g_.add_gate(std::move(n));
  }
  NodeId st(const std::string& name) { return g_.add_state(name); }
  void edge(NodeId a, NodeId b) { g_.add_edge(a, b); }
  void through(NodeId from, NodeId gate_node, NodeId to) {
    edge(from, gate_node);
    edge(gate_node, to);
  }
  void target(const std::string& state) {
    NodeId s = st(state);
    g_.targets.push_back(TargetRef{state, s});
    g_.add_edge(s, g_.target, kNoTag, static_cast<std::uint32_t>(g_.targets.size() - 1));
  }

  // C1 for one host.
  void host(const std::string& h, const std::string& zone) {
    edge(st("admin@" + h), st("user@" + h));
    edge(st("user@" + h), st("net:" + zone));
  }

  void build(int hosts) {
    const int dmz = std::max(2, hosts / 100);
    const int servers = hosts * 27 / 100;
    const int workstations = hosts - dmz - servers;
    const int corp_zones = std::max(1, workstations / 500);
    const int srv_zones = std::max(1, servers / 200);
    const int helpdesk_staff = 2 + hosts / 1000;
    const int domain_admins = 2 + hosts / 5000;
    const std::vector<std::string> ports = {"tcp/443", "tcp/445", "tcp/1433", "tcp/22"};

    g_.entries.push_back(EntryRef{"e-internet", EntryKind::kNetwork});
    g_.entries.push_back(EntryRef{"e-phish", EntryKind::kPhishing});
    g_.entries.push_back(EntryRef{"e-insider", EntryKind::kIdentity});
    g_.add_edge(g_.attacker, st("net:internet"), 0);
    g_.add_edge(g_.attacker, st("id:u.contractor"), 2);

    // Flows (one gate each): internet -> dmz web (business need: unfixable), dmz -> first server
    // zone, each corp zone -> its two server zones on all service ports (complete bipartite).
    through(st("net:internet"),
            gate("fw-internet-dmz", GateKind::kFlow, "team-net", std::nullopt, 1.0),
            st("reach:dmz:tcp/443"));
    {
      NodeId f = gate("fw-dmz-srv", GateKind::kFlow, "team-net", 5, 1.0);
      edge(st("net:dmz"), f);
      edge(f, st("reach:srv-0:tcp/1433"));
    }
    for (int c = 0; c < corp_zones; ++c) {
      NodeId f = gate(fmt::format("fw-corp{}-srv", c), GateKind::kFlow, "team-net", 5, 1.0);
      edge(st(fmt::format("net:corp-{}", c)), f);
      for (int z : {c % srv_zones, (c + 1) % srv_zones}) {
        for (const auto& p : ports) edge(f, st(fmt::format("reach:srv-{}:{}", z, p)));
      }
    }

    // Groups.
    const NodeId helpdesk = st("id:g.helpdesk");
    const NodeId domain_users = st("id:g.domain-users");
    const NodeId domain_admin_group = st("id:g.domain-admins");
    for (int i = 0; i < helpdesk_staff; ++i) {
      through(st(fmt::format("id:u.hd{}", i)),
              gate(fmt::format("r-hd{}-member", i), GateKind::kMemberOf, "team-identity", 3, 1.0),
              helpdesk);
    }
    for (int i = 0; i < domain_admins; ++i) {
      through(st(fmt::format("id:u.da{}", i)),
              gate(fmt::format("r-da{}-member", i), GateKind::kMemberOf, "team-identity", 3, 1.0),
              domain_admin_group);
    }
    through(st("id:u.contractor"),
            gate("r-contractor-login", GateKind::kCanLogin, "team-identity", 2, 0.95),
            st("user@ws0"));

    // DMZ web servers.
    for (int i = 0; i < dmz; ++i) {
      const std::string h = fmt::format("web{}", i);
      host(h, "dmz");
      through(st("reach:dmz:tcp/443"),
              gate(fmt::format("f-{}-rce", h), GateKind::kVuln, "team-web", 2, 0.9),
              st("user@" + h));
      through(helpdesk,
              gate(fmt::format("r-hd-admin-{}", h), GateKind::kAdminTo, "team-helpdesk", 2, 0.95),
              st("admin@" + h));
      if (i % 3 == 0) {
        through(st("user@" + h),
                gate(fmt::format("f-{}-secret", h), GateKind::kSecret, "team-web", 1, 0.9),
                st(fmt::format("id:svc{}", i % 7)));
      }
    }

    // Servers.
    std::vector<std::string> server_names;
    for (int i = 0; i < servers; ++i) {
      const int z = i % srv_zones;
      const std::string h = fmt::format("srv{}", i);
      const std::string zone = fmt::format("srv-{}", z);
      server_names.push_back(h);
      host(h, zone);
      const std::string owner = fmt::format("team-app{}", i % 40);
      const std::string& port = ports[static_cast<std::size_t>(i) % ports.size()];
      if (uniform() < 0.4) {
        through(st(fmt::format("reach:{}:{}", zone, port)),
                gate(fmt::format("f-{}-rce", h), GateKind::kVuln, owner, 2, 0.3 + 0.6 * uniform()),
                st((port == "tcp/1433" ? "admin@" : "user@") + h));
      }
      if (uniform() < 0.2) {
        through(st("user@" + h), gate(fmt::format("f-{}-lpe", h), GateKind::kVuln, owner, 2, 0.6),
                st("admin@" + h));
      }
      if (uniform() < 0.3) {
        through(domain_users,
                gate(fmt::format("r-du-login-{}", h), GateKind::kCanLogin, owner, 2, 0.95),
                st("user@" + h));
      }
      through(helpdesk,
              gate(fmt::format("r-hd-admin-{}", h), GateKind::kAdminTo, "team-helpdesk", 2, 0.95),
              st("admin@" + h));
      through(st(fmt::format("id:g.srvadm-{}", z)),
              gate(fmt::format("r-srvadm-{}", h), GateKind::kAdminTo, owner, 2, 0.95),
              st("admin@" + h));
      if (uniform() < 0.05) {
        through(st("user@" + h),
                gate(fmt::format("f-{}-secret", h), GateKind::kSecret, owner, 1, 0.9),
                st(fmt::format("id:svc{}", pick(50))));
      }
      if (i % 500 == 0) target("admin@" + h);  // crown jewels
    }
    // Service accounts are admins of a few servers each; server admins and domain admins leave
    // sessions on servers.
    for (int s = 0; s < 50; ++s) {
      for (int k = 0; k < 3 && servers > 0; ++k) {
        const std::string& h = server_names[static_cast<std::size_t>(pick(servers))];
        through(
            st(fmt::format("id:svc{}", s)),
            gate(fmt::format("r-svc{}-admin-{}", s, k), GateKind::kAdminTo, "team-dba", 5, 0.95),
            st("admin@" + h));
      }
    }
    for (int z = 0; z < srv_zones; ++z) {
      const std::string adm = fmt::format("id:u.srvadm{}", z);
      through(
          st(adm),
          gate(fmt::format("r-srvadm{}-member", z), GateKind::kMemberOf, "team-identity", 3, 1.0),
          st(fmt::format("id:g.srvadm-{}", z)));
    }
    for (int i = 0; i < servers / 50; ++i) {
      const std::string& h = server_names[static_cast<std::size_t>(pick(servers))];
      through(st("admin@" + h),
              gate(fmt::format("r-sess-srvadm-{}", i), GateKind::kSession, "team-ops", 2, 0.8),
              st(fmt::format("id:u.srvadm{}", pick(srv_zones))));
    }
    for (int i = 0; i < servers / 100 + 1; ++i) {
      const std::string& h = server_names[static_cast<std::size_t>(pick(servers))];
      through(st("admin@" + h),
              gate(fmt::format("r-sess-da-{}", i), GateKind::kSession, "team-identity", 2, 0.8),
              st(fmt::format("id:u.da{}", pick(domain_admins))));
    }

    // Workstations with one person each.
    for (int i = 0; i < workstations; ++i) {
      const std::string h = fmt::format("ws{}", i);
      const std::string person = fmt::format("p{}", i);
      const std::string user = fmt::format("id:u.{}", person);
      host(h, fmt::format("corp-{}", i % corp_zones));
      NodeId ph = gate("phish." + person, GateKind::kPhish, person, 3, 0.02 + 0.2 * uniform());
      g_.add_edge(g_.attacker, ph, 1);
      edge(ph, st("user@" + h));
      edge(ph, st(user));
      through(st(user),
              gate(fmt::format("r-{}-du", person), GateKind::kMemberOf, "team-identity", 3, 1.0),
              domain_users);
      through(st("admin@" + h),
              gate(fmt::format("r-sess-{}", person), GateKind::kSession, "team-desktop", 2, 0.8),
              st(user));
      through(helpdesk,
              gate(fmt::format("r-hd-admin-{}", h), GateKind::kAdminTo, "team-helpdesk", 2, 0.95),
              st("admin@" + h));
      if (uniform() < 0.3) {
        through(st("user@" + h),
                gate(fmt::format("f-{}-lpe", h), GateKind::kVuln, "team-desktop", 2, 0.6),
                st("admin@" + h));
      }
      if (i % 100 == 7) {  // helpdesk staff log on to workstations
        through(st("admin@" + h),
                gate(fmt::format("r-sess-hd-{}", h), GateKind::kSession, "team-helpdesk", 2, 0.8),
                st(fmt::format("id:u.hd{}", pick(helpdesk_staff))));
      }
    }
    for (int i = 0; i < domain_admins; ++i) {  // domain controllers
      const std::string h = fmt::format("dc{}", i);
      host(h, "srv-0");
      through(domain_admin_group,
              gate(fmt::format("r-da-admin-{}", h), GateKind::kAdminTo, "team-identity", 8, 0.95),
              st("admin@" + h));
    }
    target("id:g.domain-admins");
    target("admin@dc0");
  }

  std::mt19937 rng_;
  AttackGraph g_;
};

AttackGraph& enterprise(int hosts) {
  static std::map<int, std::unique_ptr<Enterprise>> cache;
  auto& slot = cache[hosts];
  if (!slot) slot = std::make_unique<Enterprise>(hosts);
  return slot->graph();
}

void size_counters(benchmark::State& state, const AttackGraph& g) {
  state.counters["nodes"] = static_cast<double>(g.nodes.size());
  state.counters["edges"] = static_cast<double>(g.edges.size());
}

void BM_Generate(benchmark::State& state) {
  const int hosts = static_cast<int>(state.range(0));
  for (auto _ : state) {
    Enterprise e(hosts);
    benchmark::DoNotOptimize(e.graph().nodes.data());
  }
  size_counters(state, enterprise(hosts));
}

void BM_Bfs(benchmark::State& state) {
  const AttackGraph& g = enterprise(static_cast<int>(state.range(0)));
  Mask m = *resolve(g, {});
  for (auto _ : state) {
    Reachability r = reachability(g, m);
    benchmark::DoNotOptimize(r.reachable_targets.data());
  }
  size_counters(state, g);
}

void BM_Exposure(benchmark::State& state) {
  const AttackGraph& g = enterprise(static_cast<int>(state.range(0)));
  Mask m = *resolve(g, {});
  for (auto _ : state) {
    Exposure x = exposure(g, m, g.states.at("id:g.domain-admins"));
    benchmark::DoNotOptimize(&x);
  }
}

void BM_Dijkstra(benchmark::State& state) {
  const AttackGraph& g = enterprise(static_cast<int>(state.range(0)));
  const auto engine = static_cast<DijkstraEngine>(state.range(1));
  Mask m = *resolve(g, {});
  PathQuery q{g.attacker, g.target, nullptr, nullptr};
  for (auto _ : state) {
    auto p = shortest_path(g, m, PathMetric::kLikely, q, engine);
    benchmark::DoNotOptimize(p);
  }
  state.SetLabel(engine == DijkstraEngine::kHeap ? "heap" : "boost");
}

void BM_Yen5(benchmark::State& state) {
  const AttackGraph& g = enterprise(static_cast<int>(state.range(0)));
  const auto engine = static_cast<DijkstraEngine>(state.range(1));
  Mask m = *resolve(g, {});
  for (auto _ : state) {
    auto paths = yen_paths(g, m, 5, PathMetric::kLikely, kNoNode, engine);
    benchmark::DoNotOptimize(paths);
  }
  state.SetLabel(engine == DijkstraEngine::kHeap ? "heap" : "boost");
}

const char* algorithm_name(MaxFlowAlgorithm a) {
  switch (a) {
    case MaxFlowAlgorithm::kBoykovKolmogorov:
      return "boykov_kolmogorov";
    case MaxFlowAlgorithm::kEdmondsKarp:
      return "edmonds_karp";
    case MaxFlowAlgorithm::kPushRelabel:
      break;
  }
  return "push_relabel";
}

void BM_Cut(benchmark::State& state) {
  const AttackGraph& g = enterprise(static_cast<int>(state.range(0)));
  const auto algorithm = static_cast<MaxFlowAlgorithm>(state.range(1));
  Mask m = *resolve(g, {});
  double value = 0;
  std::size_t items = 0;
  for (auto _ : state) {
    Cut c = min_cut(g, m, kNoNode, algorithm);
    value = c.value;
    items = c.items.size();
    // Not DoNotOptimize(double&): benchmark 1.7.1's "+m,r" constraint miscompiles it on g++ 12
    // (the counter read back garbage).
    benchmark::DoNotOptimize(c.items.data());
  }
  state.counters["value"] = value;
  state.counters["items"] = static_cast<double>(items);
  state.SetLabel(algorithm_name(algorithm));
}

constexpr int kSizes[] = {1000, 10000, 100000};

void sizes(benchmark::internal::Benchmark* b) {
  for (int h : kSizes) b->Arg(h);
}
void sizes_engines(benchmark::internal::Benchmark* b) {
  for (int h : kSizes) {
    for (int e : {0, 1}) b->Args({h, e});
  }
}
void sizes_algorithms(benchmark::internal::Benchmark* b) {
  for (int h : kSizes) {
    for (int a : {0, 1, 2}) b->Args({h, a});
  }
}

BENCHMARK(BM_Generate)->Apply(sizes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Bfs)->Apply(sizes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Exposure)->Apply(sizes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Dijkstra)->Apply(sizes_engines)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Yen5)->Apply(sizes_engines)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Cut)->Apply(sizes_algorithms)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sw::graph

BENCHMARK_MAIN();
