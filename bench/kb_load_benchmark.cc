// Knowledge-base load time and memory, and the cost of an office lookup, on
// one core: KnowledgeBase::Load over a kb folder, then OfficeHolder for a
// bare title ("prime-minister", "GBR", date).
//
//   cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DCLAIMS_BUILD_BENCH=ON
//   cmake --build build-bench --target kb_load_benchmark
//   build-bench/bench/kb_load_benchmark [--kb_dir=knowledge/kb]
//
// Before anything else it loads the folder once in the fresh process and
// prints the resident-set growth that one loaded KnowledgeBase costs.
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

#include "common/kb/knowledge_base.h"

namespace {

std::string g_kb_dir = CLAIMS_SOURCE_DATA_DIR "/kb";

// Resident set size of this process in bytes (/proc/self/statm).
long ResidentBytes() {
  std::ifstream statm("/proc/self/statm");
  long pages_total = 0, pages_resident = 0;
  statm >> pages_total >> pages_resident;
  return pages_resident * sysconf(_SC_PAGESIZE);
}

void BM_Load(benchmark::State& state) {
  for (auto _ : state) {
    auto kb = claims::KnowledgeBase::Load(g_kb_dir, "");
    if (!kb.ok()) {
      state.SkipWithError(std::string(kb.status().message()).c_str());
      return;
    }
    state.counters["actors"] = (*kb)->actors().size();
    state.counters["offices"] = (*kb)->offices().size();
    benchmark::DoNotOptimize(kb);
  }
}
BENCHMARK(BM_Load)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_OfficeHolder(benchmark::State& state) {
  auto kb = claims::KnowledgeBase::Load(g_kb_dir, "");
  if (!kb.ok()) {
    state.SkipWithError(std::string(kb.status().message()).c_str());
    return;
  }
  const char* dates[] = {"1995-06-01", "2005-06-01", "2015-06-01", "2025-06-01"};
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize((*kb)->OfficeHolder("prime-minister", "GBR", dates[i++ % 4]));
  }
}
BENCHMARK(BM_OfficeHolder);

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--kb_dir=", 9) == 0) g_kb_dir = argv[i] + 9;
  }
  {
    const long before = ResidentBytes();
    const auto start = std::chrono::steady_clock::now();
    auto kb = claims::KnowledgeBase::Load(g_kb_dir, "");
    const auto ms = std::chrono::duration<double, std::milli>(
        std::chrono::steady_clock::now() - start).count();
    if (!kb.ok()) {
      std::fprintf(stderr, "%s: %s\n", g_kb_dir.c_str(), kb.status().ToString().c_str());
      return 1;
    }
    std::printf("kb_dir %s\nfirst_load_ms %.1f\nrss_growth_mb %.2f\nactors %zu\noffices %zu\n",
                g_kb_dir.c_str(), ms, (ResidentBytes() - before) / 1048576.0,
                (*kb)->actors().size(), (*kb)->offices().size());
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
