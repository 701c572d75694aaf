// CorpusGenerator: a deterministic synthetic news corpus for benchmarks.
//
// Articles are built from project-written sentence templates filled with
// actors from the bundled knowledge base (people, countries,
// organisations), topic keywords from the taxonomy and explicit dates spread
// over ten years (2015-2024), so actor, topic and date-range queries all have
// something to select. Each body sentence names an actor, a verb and a date
// and normally yields one claim; an article has about ten of them.
//
// Article `i` depends only on (seed, i), never on how many articles are
// generated or in which order, so any slice of the corpus can be produced
// independently (e.g. a load in chunks, or the extra articles of a steady
// ingest load with indexes past the loaded ones).
//
//   auto generator = CorpusGenerator::Create(data_dir, /*seed=*/42);
//   claims::v1::Article article = (*generator)->Article(17);
//
// Thread-safe after Create (generation only reads the loaded lists).
#ifndef CLAIMS_BENCH_CORPUS_GENERATOR_H_
#define CLAIMS_BENCH_CORPUS_GENERATOR_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "claims/v1/claims.pb.h"

namespace claims::bench {

class CorpusGenerator {
 public:
  // Loads actor names from `<data_dir>/kb/{people,countries,organisations}
  // .jsonl` and checks the template keywords against
  // `<data_dir>/taxonomy/topics.jsonl`. INVALID_ARGUMENT naming the file and
  // line for malformed data.
  static absl::StatusOr<std::unique_ptr<CorpusGenerator>> Create(
      const std::string& data_dir, uint64_t seed);

  // The article with index `i`: id "bench-<seed>-<i>", a title, one author,
  // a publication date and a plain-text body of about ten sentences.
  claims::v1::Article Article(uint64_t i) const;

  // First day covered by the corpus dates and the day after the last.
  static constexpr const char* kFirstDate = "2015-01-01";
  static constexpr const char* kEndDate = "2025-01-01";

  const std::vector<std::string>& people() const { return people_; }
  const std::vector<std::string>& countries() const { return countries_; }
  const std::vector<std::string>& organisations() const {
    return organisations_;
  }

 private:
  explicit CorpusGenerator(uint64_t seed) : seed_(seed) {}

  uint64_t seed_;
  std::vector<std::string> people_;
  std::vector<std::string> countries_;
  std::vector<std::string> organisations_;
};

// SplitMix64: a tiny PRNG whose output is the same on every platform and
// standard library (std::uniform_int_distribution is not).
class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n); n > 0.
  uint64_t Below(uint64_t n) { return Next() % n; }

 private:
  uint64_t state_;
};

}  // namespace claims::bench

#endif  // CLAIMS_BENCH_CORPUS_GENERATOR_H_
